import {
  parquetMetadataAsync,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet/src/index.js'
import { jsonColumnsOf } from '../codecs/parquet-row-codec.js'
import { ParquetHistoryError } from '../errors/parquet-history-error.js'
import { WandbError } from '../errors/wandb-error.js'
import type { HistoryCache } from '../internal/history-cache.js'
import type { ApiContext } from '../internal/api-context.js'
import {
  BodyBroken,
  fileRequest,
  headRemoteFile,
  remoteFile,
  type RemoteFileHead,
} from './parquet-remote-file.js'
import type { AbortScope } from './abort-scope.js'
import type { SignedUrls } from './signed-urls.js'

/** One export file, opened: where its bytes are read from and its footer. @internal */
export interface ExportFile {
  readonly path: string
  readonly bytes: AsyncBuffer
  readonly metadata: FileMetaData
  readonly jsonColumns: ReadonlySet<string>
  /** Top-level column names. */
  readonly columns: ReadonlySet<string>
}

/**
 * Opens an export file: `HEAD` for its size and `ETag`, then, given a cache (full scans in
 * Node), the whole file from the cache or downloaded into it, else ranged reads of the URL
 * (keyed scans, browsers); then its footer. Bytes that are not Parquet are
 * `ParquetHistoryError('corrupt')`.
 *
 * @example
 * ```ts
 * const file = await openExportFile(ctx, urls, path, ctx.historyCache, scope)
 * file.metadata.row_groups.length // 3
 * ```
 */
export async function openExportFile(
  ctx: ApiContext,
  urls: SignedUrls,
  path: string,
  cache: HistoryCache | undefined,
  scope: AbortScope,
): Promise<ExportFile> {
  const head = await headRemoteFile(ctx, urls, path, scope)
  const bytes = cache
    ? await cachedFile(ctx, urls, path, head, cache, scope)
    : remoteFile(ctx, urls, path, head, scope)
  // Read the footer's length, then exactly the footer: a keyed scan reads no column it skips.
  const metadata = await parquetMetadataAsync(bytes, { initialFetchSize: 8 }).catch((cause: unknown) => {
    throw asCorrupt(cause, path)
  })
  const columns = new Set(parquetSchema(metadata).children.map((child) => child.element.name))
  return { path, bytes, metadata, jsonColumns: jsonColumnsOf(metadata), columns }
}

/**
 * A decoding failure as `ParquetHistoryError('corrupt')`; our own typed errors (expired URLs,
 * HTTP failures, aborts) pass through as they are.
 *
 * @internal
 */
export function asCorrupt(cause: unknown, path: string): unknown {
  if (cause instanceof WandbError) return cause
  const message = cause instanceof Error ? cause.message : String(cause)
  return new ParquetHistoryError('corrupt', `not a readable Parquet file (${message})`, path, { cause })
}

async function cachedFile(
  ctx: ApiContext,
  urls: SignedUrls,
  path: string,
  head: RemoteFileHead,
  cache: HistoryCache,
  scope: AbortScope,
): Promise<AsyncBuffer> {
  // The path without its signature names the file; ETag and size change whenever it does.
  const key = `${path}#${head.etag}#${head.size}`
  const hit = await cache.open(key)
  if (hit !== undefined) {
    ctx.http.stats.parquetCacheHits++
    return asAsyncBuffer(hit)
  }
  const store = async (response: Response, signal: AbortSignal) => {
    const etag = response.headers.get('etag')
    if (response.body === null || (etag && head.etag && etag !== head.etag)) {
      await response.body?.cancel().catch(() => undefined)
      throw new ParquetHistoryError('mismatch', 'the file changed between HEAD and GET', path)
    }
    return cache.store(key, response.body, head.size, signal).catch((cause: unknown) => {
      throw cause instanceof WandbError || signal.aborted ? cause : new BodyBroken(path, cause)
    })
  }
  const stored = await urls.send(path, (url) => fileRequest(ctx, url, 'GET', {}, scope, store))
  ctx.http.stats.parquetBytes += head.size
  return asAsyncBuffer(stored)
}

const asAsyncBuffer = (file: ArrayBuffer | AsyncBuffer): AsyncBuffer =>
  file instanceof ArrayBuffer ? { byteLength: file.byteLength, slice: (a, b) => file.slice(a, b) } : file

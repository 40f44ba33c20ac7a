import type { AsyncBuffer } from 'hyparquet/src/index.js'
import { ParquetHistoryError } from '../errors/parquet-history-error.js'
import { TransportError } from '../errors/transport-error.js'
import type { ApiContext } from '../internal/api-context.js'
import type { AbortScope } from './abort-scope.js'
import type { SignedUrls } from './signed-urls.js'

/** An export file's identity from `HEAD`: its size and `ETag` (empty when the server sends none). */
export interface RemoteFileHead {
  readonly size: number
  readonly etag: string
}

/**
 * `HEAD` of an export file through the Api's HTTP client (retries, rate limit, stats), without
 * the API key: signed URLs are their own credentials.
 *
 * @example
 * ```ts
 * await headRemoteFile(ctx, urls, path, scope) // { size: 48213, etag: '"5f…"' }
 * ```
 */
export async function headRemoteFile(
  ctx: ApiContext,
  urls: SignedUrls,
  path: string,
  scope: AbortScope,
): Promise<RemoteFileHead> {
  const headers = await urls.send(path, (url) =>
    fileRequest(ctx, url, 'HEAD', {}, scope, async (response) => response.headers),
  )
  const size = Number(headers.get('content-length') ?? NaN)
  if (!Number.isSafeInteger(size) || size < 0)
    throw new ParquetHistoryError('mismatch', 'HEAD gave no Content-Length', path)
  return { size, etag: headers.get('etag') ?? '' }
}

/**
 * A ranged reader over an export file (hyparquet's `AsyncBuffer`): each `slice` is one
 * `GET` with `Range`, so a projection reads only the column chunks it needs. A server that
 * answers a range with the whole file (200) is served from that copy from then on; a part that
 * does not match the range asked for, or a file whose `ETag` changed, is an error, never bytes.
 *
 * @example
 * ```ts
 * const file = remoteFile(ctx, urls, path, await headRemoteFile(ctx, urls, path, scope), scope)
 * const metadata = await parquetMetadataAsync(file)
 * ```
 */
export function remoteFile(
  ctx: ApiContext,
  urls: SignedUrls,
  path: string,
  head: RemoteFileHead,
  scope: AbortScope,
): AsyncBuffer {
  let whole: ArrayBuffer | undefined
  const stats = ctx.http.stats
  const read = async (response: Response, start: number, end: number, signal: AbortSignal) => {
    const etag = response.headers.get('etag')
    if (etag && head.etag && etag !== head.etag) {
      await response.body?.cancel().catch(() => undefined)
      throw new ParquetHistoryError('mismatch', `the file changed (ETag ${head.etag} → ${etag})`, path)
    }
    const bytes = await response.arrayBuffer().catch((cause: unknown) => {
      throw signal.aborted ? cause : new BodyBroken(path, cause)
    })
    stats.parquetBytes += bytes.byteLength
    if (response.status === 206) {
      if (contentRangeStart(response) !== start || bytes.byteLength !== end - start)
        throw new ParquetHistoryError(
          'mismatch',
          `asked for bytes ${start}-${end - 1}, got another part`,
          path,
        )
      return bytes
    }
    if (bytes.byteLength !== head.size)
      throw new ParquetHistoryError('corrupt', `got ${bytes.byteLength} of ${head.size} bytes`, path)
    whole = bytes
    return bytes.slice(start, end)
  }
  const get = async (start: number, end: number): Promise<ArrayBuffer> => {
    const range = { Range: `bytes=${start}-${end - 1}` }
    const request = (url: string) =>
      fileRequest(ctx, url, 'GET', range, scope, (r, signal) => read(r, start, end, signal))
    // A connection that breaks mid-body gets the range asked again, a bounded number of times.
    for (let attempt = 1; ; attempt++) {
      try {
        return await urls.send(path, request)
      } catch (error) {
        if (!(error instanceof BodyBroken) || attempt >= BODY_ATTEMPTS) throw error
        ctx.http.stats.retries++
      }
    }
  }
  return {
    byteLength: head.size,
    slice: (start, end = head.size) => {
      if (start < 0 || end > head.size || start > end)
        return Promise.reject(
          new ParquetHistoryError('corrupt', `no bytes ${start}-${end} in the file`, path),
        )
      if (whole !== undefined) return whole.slice(start, end)
      if (start === end) return new ArrayBuffer(0)
      return get(start, end)
    },
  }
}

/**
 * One request of a signed export URL, without the API key, counted in `parquetRequests`; `read`
 * consumes the response (under the same signal). It runs in `scope`, so aborting the scan
 * aborts it, without a listener per request on a shared signal.
 *
 * @example
 * ```ts
 * const size = await fileRequest(ctx, url, 'HEAD', {}, scope, async (r) => r.headers.get('content-length'))
 * ```
 *
 * @internal
 */
export function fileRequest<T>(
  ctx: ApiContext,
  url: string,
  method: 'GET' | 'HEAD',
  headers: Readonly<Record<string, string>>,
  scope: AbortScope,
  read: (response: Response, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  ctx.http.stats.parquetRequests++
  return scope.run(async (signal) => {
    const operation = 'ParquetHistoryFile'
    const request = { url, method, headers, signal, credentials: 'omit' as const, operation }
    return read(await ctx.http.request(request), signal)
  })
}

const BODY_ATTEMPTS = 3

/**
 * The connection broke while a file body was read (the response itself had arrived).
 *
 * @internal
 */
export class BodyBroken extends TransportError {
  constructor(path: string, cause: unknown) {
    const message = `GET ${path}: the connection broke while reading the response`
    super({ status: 0, method: 'GET', url: path, operation: 'ParquetHistoryFile', cause }, message)
  }
}

function contentRangeStart(response: Response): number {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(response.headers.get('content-range')?.trim() ?? '')
  return match ? Number(match[1]) : NaN
}

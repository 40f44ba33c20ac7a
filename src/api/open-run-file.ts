import type { RunFile } from '../codecs/run-file-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'

/** Options of {@link openRunFile}. */
export interface OpenRunFileOptions {
  readonly signal?: AbortSignal | undefined
  /** Ask for the bytes from this offset on (`Range: bytes=N-`); the server may ignore it (200). */
  readonly offset?: number | undefined
}

/**
 * Starts downloading a run file and returns the 2xx `Response` with its body unread. Uses the
 * file's `url` (sent with the API key when it is under the base URL), else its signed
 * `directUrl`, which never gets the key, whatever its host. Transient failures before the body
 * starts are retried (GET).
 *
 * @example
 * ```ts
 * const res = await openRunFile(ctx, file, { offset: 1024 })
 * res.status // 206 when the server honoured the range, else 200 (whole file)
 * ```
 */
export function openRunFile(
  ctx: ApiContext,
  file: RunFile,
  options: OpenRunFileOptions = {},
): Promise<Response> {
  const url = file.url || file.directUrl
  if (!url) return Promise.reject(new NotFoundError('file content', file.name))
  const offset = options.offset ?? 0
  return ctx.http.request({
    url,
    method: 'GET',
    signal: options.signal,
    operation: `download ${file.name}`,
    headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
    // A signed URL is its own authorization: the key stays home even when it is under the base URL.
    ...(file.url ? {} : { credentials: 'omit' as const }),
  })
}

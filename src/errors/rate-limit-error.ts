import { TransportError, type TransportErrorData } from './transport-error.js'

/**
 * HTTP 429 (or a rate-limit GraphQL error) that outlasted the retry policy.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof RateLimitError) setTimeout(retryLater, e.retryAfterMs ?? 60_000) }
 * ```
 */
export class RateLimitError extends TransportError {
  override name = 'RateLimitError'
  /** How long the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined

  constructor(data: TransportErrorData & { readonly retryAfterMs?: number | undefined }) {
    super(data)
    this.retryAfterMs = data.retryAfterMs
  }
}

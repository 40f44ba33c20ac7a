/**
 * How failed requests are retried: plain data, so it can be logged, compared and overridden.
 *
 * @example
 * ```ts
 * new Api({ retry: { retries: 2, maxDelayMs: 5_000 } }) // fewer, shorter retries; other fields default
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  readonly retries: number
  /** The first backoff; each retry doubles it, plus up to 25 % jitter. */
  readonly minDelayMs: number
  /** The backoff cap. A server's `Retry-After` may ask for longer, up to the call's deadline. */
  readonly maxDelayMs: number
  /** HTTP statuses that are final at once. */
  readonly doNotRetry: readonly number[]
}

/** wandb-core's no-retry list (PROTOCOL.md §1) and a bounded attempt count (USER-NEEDS §1a). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  retries: 5,
  minDelayMs: 1_000,
  maxDelayMs: 30_000,
  doNotRetry: Object.freeze([400, 401, 403, 404, 409, 410, 413, 422, 501]),
})

/** Fills the fields a caller left out with {@link DEFAULT_RETRY_POLICY}'s. */
export const retryPolicy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy =>
  Object.freeze({ ...DEFAULT_RETRY_POLICY, ...overrides })

/** Whether an HTTP status may be retried under `policy` (status 0 is a network failure). */
export const isRetryableStatus = (status: number, policy: RetryPolicy): boolean =>
  !policy.doNotRetry.includes(status) && (status === 0 || status === 408 || status === 429 || status >= 400)

/**
 * The wait before retry number `attempt` (0-based): exponential with jitter, capped; the
 * server's `Retry-After` replaces it when given.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.max(0, retryAfterMs)
  const exponential = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt)
  return Math.min(policy.maxDelayMs, exponential * (1 + 0.25 * random()))
}

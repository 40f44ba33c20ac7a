/**
 * Does a response ask the client to slow down? A 429 or 503, a `Retry-After`, or
 * `RateLimit-Remaining: 0` (IETF draft `RateLimit` fields, also sent as `X-RateLimit-Remaining`).
 *
 * @example
 * ```ts
 * isPushback(429, new Headers({ 'retry-after': '1' })) // true
 * isPushback(200, new Headers({ 'ratelimit-remaining': '0' })) // true
 * ```
 */
export function isPushback(status: number, headers: Headers): boolean {
  if (status === 429 || status === 503 || headers.has('retry-after')) return true
  const remaining = headers.get('ratelimit-remaining') ?? headers.get('x-ratelimit-remaining')
  return remaining !== null && remaining.trim() !== '' && Number(remaining) <= 0
}

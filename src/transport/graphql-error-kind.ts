import type { GraphQLErrorEntry } from '../errors/graphql-response-error.js'

/**
 * Classifies GraphQL `errors[]` that arrived in an HTTP 200 before the retry decision: only
 * rate-limit-like errors may be retried; validation and resolver errors are final.
 */
export function isRateLimitLike(errors: readonly GraphQLErrorEntry[]): boolean {
  return errors.some((e) => {
    const code = String(e.extensions?.['code'] ?? '').toUpperCase()
    return (
      code === 'RATE_LIMITED' ||
      code === 'TOO_MANY_REQUESTS' ||
      /rate.?limit|too many requests/i.test(e.message)
    )
  })
}

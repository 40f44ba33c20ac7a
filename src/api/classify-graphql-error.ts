import { AuthError } from '../errors/auth-error.js'
import { GraphQLResponseError } from '../errors/graphql-response-error.js'
import { NotFoundError } from '../errors/not-found-error.js'

/**
 * Turns the GraphQL `errors[]` a write gets inside HTTP 200 into the typed errors reads already
 * use: a missing object becomes `NotFoundError`, a refused write `AuthError` (the same class an
 * HTTP 403 gives). Everything else is returned unchanged. Servers mark these with
 * `extensions.code` (`NOT_FOUND`, `PERMISSION_ERROR`); older ones only say it in the message.
 *
 * @example
 * ```ts
 * await ctx.http.graphql({ query, variables }).catch((e) => { throw classifyGraphQLError(e, 'run', path) })
 * ```
 */
export function classifyGraphQLError(error: unknown, resource: string, path: string): unknown {
  if (!(error instanceof GraphQLResponseError)) return error
  const codes = error.errors.map((e) => String(e.extensions?.['code'] ?? '').toUpperCase())
  const text = error.errors.map((e) => e.message).join('; ')
  if (
    codes.includes('PERMISSION_ERROR') ||
    codes.includes('FORBIDDEN') ||
    /permission denied|not authorized/i.test(text)
  ) {
    const data = {
      status: 403,
      method: error.method,
      url: error.url,
      operation: error.operation,
      response: text,
      cause: error,
    }
    return new AuthError(data, `permission denied for ${resource} ${path}: ${text}`)
  }
  if (codes.includes('NOT_FOUND') || /\bnot found\b/i.test(text)) {
    return new NotFoundError(resource, path, { cause: error })
  }
  return error
}

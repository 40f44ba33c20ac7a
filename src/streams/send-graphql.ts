import type { ApiContext } from '../internal/api-context.js'
import type { GraphQLRequest } from '../transport/http-client.js'

/**
 * `ctx.http.graphql` under a child of the stream's signal that lives for this one request.
 * A scan sends thousands of requests under one subscription signal; a listener the transport
 * leaves on the signal it is given then dies with the child instead of piling up on the parent.
 *
 * @example
 * ```ts
 * const data = await sendGraphql(ctx, { query: HISTORY_QUERY, variables, signal })
 * ```
 */
export async function sendGraphql(ctx: ApiContext, request: GraphQLRequest): Promise<unknown> {
  const parent = request.signal
  if (parent === undefined) return ctx.http.graphql(request)
  const child = new AbortController()
  const abort = () => child.abort(parent.reason)
  if (parent.aborted) abort()
  else parent.addEventListener('abort', abort, { once: true })
  try {
    return await ctx.http.graphql({ ...request, signal: child.signal })
  } finally {
    parent.removeEventListener('abort', abort)
  }
}

import type { ApiContext } from '../internal/api-context.js'
import { runPathString, type ResolvedRun } from '../streams/resolved-run.js'
import { classifyGraphQLError } from './classify-graphql-error.js'

/** One run mutation: the document, its variables and whether a retry is safe. */
export interface RunMutation {
  readonly query: string
  readonly variables: Readonly<Record<string, unknown>>
  readonly signal?: AbortSignal | undefined
  /** True only when sending it twice stores the same thing as once; the transport retries only then. */
  readonly idempotent: boolean
}

/**
 * Sends a mutation on `run` and returns its `data`; a "not found" or "permission denied" answer
 * becomes `NotFoundError` / `AuthError` naming the run.
 *
 * @example
 * ```ts
 * await sendRunMutation(ctx, run, { query: STOP_MUTATION, variables: { id }, idempotent: true })
 * ```
 */
export async function sendRunMutation(
  ctx: ApiContext,
  run: ResolvedRun,
  mutation: RunMutation,
): Promise<unknown> {
  try {
    return await ctx.http.graphql(mutation)
  } catch (error) {
    throw classifyGraphQLError(error, 'run', runPathString(run))
  }
}

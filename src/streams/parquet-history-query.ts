import { liveSteps, ParquetHistoryResponse } from '../codecs/parquet-history-codec.js'
import { GraphQLResponseError } from '../errors/graphql-response-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { queryRun } from './query-run.js'
import type { ResolvedRun } from './resolved-run.js'

const PARQUET_HISTORY_QUERY = `query RunParquetHistory($entity: String!, $project: String!, $name: String!, $liveKeys: [String!]!) {
  project(name: $project, entityName: $entity) { run(name: $name) { parquetHistory(liveKeys: $liveKeys) { parquetUrls liveData } } }
}`

/** The feature flag in the Api's capabilities: `false` once the server said it lacks the field. */
export const PARQUET_HISTORY_FEATURE = 'parquetHistory'

/**
 * A run's history exports: signed URLs of its Parquet files, and the steps no file holds yet
 * (ascending). Every row below `live[0]` is in exactly one file; every row from it on is live.
 *
 * @internal
 */
export interface ParquetExports {
  readonly urls: readonly string[]
  readonly live: readonly number[]
}

/**
 * Asks `parquetHistory(liveKeys: ["_step"])` as wandb 0.30 does (PROTOCOL.md §13). Returns
 * `undefined` when the server has no such field (an older W&B Server answers "Cannot query
 * field"), and remembers that in the Api's capabilities so it is asked once per Api.
 *
 * @example
 * ```ts
 * const exports = await parquetExports(ctx, run, signal) // { urls: ['https://…/0-999-a1.parquet?sig=…'], live: [1000, 1001] }
 * ```
 */
export async function parquetExports(
  ctx: ApiContext,
  run: ResolvedRun,
  signal?: AbortSignal,
): Promise<ParquetExports | undefined> {
  if (ctx.capabilities.get(PARQUET_HISTORY_FEATURE) === false) return undefined
  try {
    const variables = { liveKeys: ['_step'] }
    const found = await queryRun(
      ctx,
      run,
      PARQUET_HISTORY_QUERY,
      variables,
      ParquetHistoryResponse,
      'RunParquetHistory',
      signal,
    )
    ctx.capabilities.set(PARQUET_HISTORY_FEATURE, true)
    const { parquetUrls, liveData } = found.parquetHistory
    return { urls: parquetUrls ?? [], live: liveSteps(liveData ?? []) }
  } catch (error) {
    if (!lacksField(error)) throw error
    ctx.capabilities.set(PARQUET_HISTORY_FEATURE, false)
    return undefined
  }
}

/** GraphQL's validation error for an unknown field (graphql-js and gqlgen word it alike). */
const lacksField = (error: unknown): boolean =>
  error instanceof GraphQLResponseError &&
  error.errors.some((e) => /Cannot query field\W+parquetHistory\b/i.test(e.message))

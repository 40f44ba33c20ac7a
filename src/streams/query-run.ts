import type * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { runPathString, type ResolvedRun } from './resolved-run.js'
import { sendGraphql } from './send-graphql.js'

/** The `project { run { … } }` envelope every run-level query answers with. */
type InRun<R> = { readonly project: { readonly run: R | null } | null }
type RunOf<T> = T extends InRun<infer R> ? NonNullable<R> : never

/**
 * Sends a run-level GraphQL query (`$entity`, `$project`, `$name` plus `variables`), decodes the
 * answer and returns the `run` object. A `null` project or run (W&B's HTTP 200 "not found") is a
 * `NotFoundError`.
 *
 * @example
 * ```ts
 * const { historyKeys } = await queryRun(ctx, run, HISTORY_KEYS_QUERY, {}, HistoryKeysResponse, 'RunHistoryKeys', signal)
 * ```
 */
export async function queryRun<C extends t.Any>(
  ctx: ApiContext,
  run: ResolvedRun,
  query: string,
  variables: Readonly<Record<string, unknown>>,
  codec: C,
  what: string,
  signal?: AbortSignal,
): Promise<RunOf<t.TypeOf<C>>> {
  const data = await sendGraphql(ctx, {
    query,
    variables: { entity: run.entity, project: run.project, name: run.id, ...variables },
    signal,
  })
  const { project } = decode(codec, data, what) as InRun<RunOf<t.TypeOf<C>>>
  if (project === null) throw new NotFoundError('project', `${run.entity}/${run.project}`)
  if (project.run === null) throw new NotFoundError('run', runPathString(run))
  return project.run
}

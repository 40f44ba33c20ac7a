import { RunWriteStateResponse, type RunWriteState } from '../codecs/run-write-state-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import { queryRun } from '../streams/query-run.js'
import type { ResolvedRun } from '../streams/resolved-run.js'

const FIELDS = {
  id: 'id projectId',
  config: 'id projectId config',
  summary: 'id projectId summaryMetrics',
} as const

/**
 * Reads what a run write needs, fresh from the server (never from the `Api` cache): the storage
 * id, plus the stored config or summary for read-modify-write. Rejects with `NotFoundError`
 * when the run or project is missing.
 *
 * @example
 * ```ts
 * const { id, summaryMetrics } = await readRunWriteState(ctx, run, 'summary')
 * ```
 */
export function readRunWriteState(
  ctx: ApiContext,
  run: ResolvedRun,
  what: keyof typeof FIELDS,
  signal?: AbortSignal,
): Promise<RunWriteState> {
  const query = `query RunWriteState($project: String!, $entity: String!, $name: String!) {
  project(name: $project, entityName: $entity) { run(name: $name) { ${FIELDS[what]} } }
}`
  return queryRun(ctx, run, query, {}, RunWriteStateResponse, 'RunWriteState', signal)
}

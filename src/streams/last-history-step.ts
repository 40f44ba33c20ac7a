import { HistoryKeysResponse } from '../codecs/history-response-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import { HISTORY_KEYS_QUERY } from './history-queries.js'
import { queryRun } from './query-run.js'
import type { ResolvedRun } from './resolved-run.js'

/**
 * The last `_step` a run logged (`historyKeys.lastStep`), or -1 when it logged nothing, as
 * Python's `run.lastHistoryStep`. Full scans read it first: it, not an empty page, ends a scan.
 *
 * @example
 * ```ts
 * await lastHistoryStep(ctx, run) // 41999
 * ```
 */
export async function lastHistoryStep(
  ctx: ApiContext,
  run: ResolvedRun,
  signal?: AbortSignal,
): Promise<number> {
  const found = await queryRun(
    ctx,
    run,
    HISTORY_KEYS_QUERY,
    {},
    HistoryKeysResponse,
    'RunHistoryKeys',
    signal,
  )
  const step = found.historyKeys?.['lastStep']
  return typeof step === 'number' && Number.isFinite(step) ? step : -1
}

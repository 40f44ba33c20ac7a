import { HistoryResponse, SampledHistoryResponse } from '../codecs/history-response-codec.js'
import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import { HISTORY_QUERY, SAMPLED_HISTORY_QUERY } from './history-queries.js'
import { queryRun } from './query-run.js'
import type { ResolvedRun } from './resolved-run.js'
import { rowsInWindow } from './rows-in-window.js'
import type { StepWindow } from './step-windows.js'

/**
 * Every row of one step window `[minStep, maxStep)`, unsampled (`samples` = the window's width),
 * sorted by `_step`. Without keys: `history(minStep, maxStep)` (exclusive). With keys:
 * `sampledHistory` with spec `{ keys: [...keys, '_step'], minStep, maxStep: maxStep - 1 }`, since a
 * spec's `maxStep` is inclusive; only rows holding every key come back (PROTOCOL.md §5). Rows
 * outside the window are dropped, so windows never overlap whatever the server's bound semantics.
 *
 * @example
 * ```ts
 * await historyWindow(ctx, run, { minStep: 0, maxStep: 1000 }, ['loss'], signal) // rows 0..999 with loss
 * ```
 */
export async function historyWindow(
  ctx: ApiContext,
  run: ResolvedRun,
  window: StepWindow,
  keys: readonly string[] | undefined,
  signal?: AbortSignal,
): Promise<readonly HistoryRow[]> {
  const samples = window.maxStep - window.minStep
  if (keys === undefined || keys.length === 0) {
    const variables = { minStep: window.minStep, maxStep: window.maxStep, samples }
    const found = await queryRun(ctx, run, HISTORY_QUERY, variables, HistoryResponse, 'RunHistory', signal)
    return rowsInWindow(found.history, window)
  }
  const spec = { keys: [...keys, '_step'], minStep: window.minStep, maxStep: window.maxStep - 1, samples }
  const variables = { specs: [JSON.stringify(spec)] }
  const found = await queryRun(
    ctx,
    run,
    SAMPLED_HISTORY_QUERY,
    variables,
    SampledHistoryResponse,
    'RunSampledHistory',
    signal,
  )
  return rowsInWindow(found.sampledHistory?.[0] ?? [], window)
}

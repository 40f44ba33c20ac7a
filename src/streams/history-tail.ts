import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import { historyWindow } from './history-window.js'
import { lastHistoryStep } from './last-history-step.js'
import type { ResolvedRun } from './resolved-run.js'

/**
 * Exactly the last `n` rows (unsampled), oldest first. Reads `lastStep`, then fetches windows
 * ending there, doubling their width going back until `n` rows are found or step 0 is reached:
 * steps may skip, and with `keys` only rows holding every key count.
 *
 * @example
 * ```ts
 * await historyTail(ctx, run, 10, undefined, signal) // the 10 newest rows
 * ```
 */
export async function historyTail(
  ctx: ApiContext,
  run: ResolvedRun,
  n: number,
  keys: readonly string[] | undefined,
  signal?: AbortSignal,
): Promise<readonly HistoryRow[]> {
  const windows: (readonly HistoryRow[])[] = []
  let found = 0
  let maxStep = (await lastHistoryStep(ctx, run, signal)) + 1
  for (let width = n; found < n && maxStep > 0; width *= 2) {
    const minStep = Math.max(0, maxStep - width)
    const rows = await historyWindow(ctx, run, { minStep, maxStep }, keys, signal)
    windows.unshift(rows)
    found += rows.length
    maxStep = minStep
  }
  return windows.flat().slice(-n)
}

import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { StepWindow } from './step-windows.js'

/**
 * The rows inside `[minStep, maxStep)`, in `_step` order: one cheap pass when the server already
 * did both (it should), a filter and sort when not. Keeps windows disjoint whatever bound
 * semantics a server uses, so a scan emits every row exactly once.
 *
 * @example
 * ```ts
 * rowsInWindow([{ _step: 3 }, { _step: 1 }, { _step: 9 }], { minStep: 0, maxStep: 5 }) // [{ _step: 1 }, { _step: 3 }]
 * ```
 */
export function rowsInWindow(
  rows: readonly HistoryRow[],
  { minStep, maxStep }: StepWindow,
): readonly HistoryRow[] {
  let sorted = true
  let inside = true
  for (let i = 0; i < rows.length; i++) {
    const step = (rows[i] as HistoryRow)._step
    if (step < minStep || step >= maxStep) inside = false
    if (i > 0 && step < (rows[i - 1] as HistoryRow)._step) sorted = false
  }
  const kept = inside ? rows : rows.filter((r) => r._step >= minStep && r._step < maxStep)
  return sorted ? kept : [...kept].sort((a, b) => a._step - b._step)
}

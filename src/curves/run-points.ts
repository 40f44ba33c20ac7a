import type { HistoryRow } from '../codecs/history-row-codec.js'
import { historyValue } from '../codecs/history-value.js'

/** A run's usable (x, value) pairs and how many rows were skipped. @internal */
export interface RunPoints {
  readonly xs: number[]
  readonly ys: number[]
  skipped: number
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * Appends the rows' finite (x, value) pairs to `into`; a row whose x or value is NaN, ±Infinity,
 * not a number or missing is counted in `skipped` instead.
 *
 * @example
 * ```ts
 * const points = addRunPoints({ xs: [], ys: [], skipped: 0 }, rows, 'loss', '_step')
 * ```
 */
export function addRunPoints(
  into: RunPoints,
  rows: readonly HistoryRow[],
  key: string,
  x: string,
): RunPoints {
  for (const row of rows) {
    const at = historyValue(row, x, undefined)
    const value = historyValue(row, key, undefined)
    if (finite(at) && finite(value)) {
      into.xs.push(at)
      into.ys.push(value)
    } else into.skipped++
  }
  return into
}

import type { HistoryRow } from '../codecs/history-row-codec.js'

/** A run's usable (x, value) pairs and how many rows were skipped. @internal */
export interface RunPoints {
  readonly xs: number[]
  readonly ys: number[]
  skipped: number
}

/**
 * A history key's value: the literal key first (`eval/loss`, or `train.loss` logged flat), else
 * a dotted walk into nested dicts (`train.loss` logged as `{ train: { loss } }`), as W&B reads it.
 *
 * @example
 * ```ts
 * historyValue({ _step: 1, train: { loss: 0.3 } }, 'train.loss') // 0.3
 * ```
 */
export function historyValue(row: HistoryRow, key: string): unknown {
  if (Object.hasOwn(row, key)) return row[key]
  if (!key.includes('.')) return undefined
  let node: unknown = row
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
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
    const at = historyValue(row, x)
    const value = historyValue(row, key)
    if (finite(at) && finite(value)) {
      into.xs.push(at)
      into.ys.push(value)
    } else into.skipped++
  }
  return into
}

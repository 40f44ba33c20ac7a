import type { HistoryRow } from './history-row-codec.js'

/**
 * A history key's value in a row, as W&B reads it: the literal key first (`eval/loss`, or
 * `train.loss` logged flat), else a dotted walk into nested dicts (`train.loss` logged as
 * `{ train: { loss } }`); `ifMissing` when neither holds it. Keyed scans (`pickKeys`) and
 * grouped curves look keys up through this one rule.
 *
 * @example
 * ```ts
 * historyValue({ _step: 1, train: { loss: 0.3 } }, 'train.loss', undefined) // 0.3
 * historyValue({ _step: 1 }, 'loss', null)                                 // null
 * ```
 * @internal
 */
export function historyValue(row: HistoryRow, key: string, ifMissing: unknown): unknown {
  if (Object.hasOwn(row, key)) return row[key]
  let node: unknown = row
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return ifMissing
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

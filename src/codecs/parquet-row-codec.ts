import type { FileMetaData } from 'hyparquet/src/index.js'
import type { HistoryRow } from './history-row-codec.js'
import { historyValue } from './history-value.js'

/** The key-value metadata entry naming the columns that hold extended-JSON text. */
export const JSON_COLUMNS_KEY = 'wandb-rx:json-columns'

/**
 * The top-level columns whose strings are W&B extended JSON (`wandb-rx:json-columns`); none
 * when the file does not say (files written by W&B itself).
 *
 * @example
 * ```ts
 * jsonColumnsOf(metadata) // Set { 'table', 'mixed' }
 * ```
 */
export function jsonColumnsOf(metadata: FileMetaData): ReadonlySet<string> {
  const entry = metadata.key_value_metadata?.find((kv) => kv.key === JSON_COLUMNS_KEY)?.value
  if (entry === undefined) return new Set()
  try {
    const names: unknown = JSON.parse(entry)
    return new Set(Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [])
  } catch {
    return new Set()
  }
}

/**
 * `row` reduced to `_step` and `keys`, or `undefined` when it lacks any of them: the keyed scan's
 * rule, as Python's `scan_history(keys=…)` and `sampledHistory` apply it. A key is looked up
 * literally first, else as a dotted path into nested objects (`train.lr`), as W&B does.
 *
 * @example
 * ```ts
 * pickKeys({ _step: 1, loss: 0.5, acc: 0.9 }, ['loss'])          // { _step: 1, loss: 0.5 }
 * pickKeys({ _step: 1, train: { lr: 0.1 } }, ['train.lr'])      // { _step: 1, 'train.lr': 0.1 }
 * pickKeys({ _step: 2, acc: 0.9 }, ['loss'])                    // undefined
 * ```
 */
export function pickKeys(row: HistoryRow, keys: readonly string[]): HistoryRow | undefined {
  const picked: Record<string, unknown> = { _step: row._step }
  for (const key of keys) {
    const found = historyValue(row, key, NOT_FOUND)
    if (found === NOT_FOUND) return undefined
    picked[key] = found
  }
  return picked as HistoryRow
}

const NOT_FOUND = Symbol('not found')

/**
 * The top-level column that holds `key` in a file with these `columns`: the key itself, else
 * the first part of a dotted key (`train` for `train.lr`); `undefined` when the file lacks it.
 *
 * @example
 * ```ts
 * columnOf('train.lr', new Set(['_step', 'train'])) // 'train'
 * ```
 */
export function columnOf(key: string, columns: ReadonlySet<string>): string | undefined {
  if (columns.has(key)) return key
  const head = key.split('.')[0] ?? key
  return columns.has(head) ? head : undefined
}

/**
 * A Parquet cell as a history value: nulls in groups dropped, BigInts as numbers; lists, bytes
 * and dates kept.
 *
 * @example
 * ```ts
 * plainParquetValue({ lr: 0.1, m: null, n: 2n }) // { lr: 0.1, n: 2 }
 * ```
 */
export function plainParquetValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (Array.isArray(value)) return value.map((item) => (item === null ? null : plainParquetValue(item)))
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || value instanceof Date)
    return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && item !== undefined) out[key] = plainParquetValue(item)
  }
  return out
}

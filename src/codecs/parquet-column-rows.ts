import { parseExtendedJson } from '../internal/extended-json.js'
import type { HistoryRow } from './history-row-codec.js'
import { plainParquetValue } from './parquet-row-codec.js'

/** One decoded top-level column of a row range: its name and a value per row. */
export type ParquetColumn = readonly [name: string, values: ArrayLike<unknown>]

/**
 * The history rows of a row range decoded column by column (hyparquet's `onChunk` columns),
 * as the GraphQL `history` rows of the same steps: a null cell is a key the step did not log, INT64 `BigInt`s
 * become numbers, a `DOUBLE` `_step` an integer, the JSON columns' text is parsed with
 * NaN/Infinity. Each column is converted once as a whole (numeric columns not at all), then each
 * row is one object literal filled in column order: no intermediate row objects, no per-cell
 * closures. `undefined` when a row lacks a usable `_step`, which no history row lacks.
 *
 * @example
 * ```ts
 * columnRows(new BigInt64Array([0n, 1n]), [['loss', [0.5, null]]], new Set())
 * // [{ _step: 0, loss: 0.5 }, { _step: 1 }]
 * ```
 */
export function columnRows(
  steps: ArrayLike<unknown>,
  columns: readonly ParquetColumn[],
  jsonColumns: ReadonlySet<string>,
): HistoryRow[] | undefined {
  const names = columns.map(([name]) => name)
  const values = columns.map(([name, cells]) => converted(cells, jsonColumns.has(name)))
  const rows = new Array<HistoryRow>(steps.length)
  for (let i = 0; i < steps.length; i++) {
    const step = Number(steps[i])
    if (steps[i] === null || !Number.isSafeInteger(step)) return undefined
    const row: Record<string, unknown> = { _step: step }
    for (let c = 0; c < names.length; c++) {
      const value = values[c]![i]
      if (value !== null && value !== undefined) row[names[c]!] = value
    }
    rows[i] = row as HistoryRow
  }
  return rows
}

/** A column's cells as history values; the column itself when none needs converting. */
function converted(cells: ArrayLike<unknown>, json: boolean): ArrayLike<unknown> {
  if (cells instanceof BigInt64Array || cells instanceof BigUint64Array) return Array.from(cells, Number)
  if (ArrayBuffer.isView(cells)) return cells // numbers only
  if (!json && Array.prototype.every.call(cells, isScalar)) return cells
  return Array.from(cells, (cell) =>
    json && typeof cell === 'string' ? parseExtendedJson(cell) : plainParquetValue(cell),
  )
}

const isScalar = (cell: unknown): boolean => {
  const type = typeof cell
  return cell === null || type === 'number' || type === 'string' || type === 'boolean' || type === 'undefined'
}

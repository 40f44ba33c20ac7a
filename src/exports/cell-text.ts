import { stringifyExtendedJson } from '../internal/extended-json.js'

/**
 * Renders one flattened value as the text of a CSV or terminal-table cell.
 *
 * Numbers keep JavaScript's shortest round-trip form, and non-finite ones read `NaN`, `Infinity`
 * and `-Infinity` (what pandas' `read_csv` parses back to floats). `null`/`undefined` become the
 * empty cell, dates ISO 8601, arrays and objects extended JSON.
 *
 * @example
 * ```ts
 * cellText(NaN)          // 'NaN'
 * cellText([1, Infinity]) // '[1,Infinity]'
 * cellText(null)         // ''
 * ```
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (value instanceof Date) return value.toISOString()
  return stringifyExtendedJson(value)
}

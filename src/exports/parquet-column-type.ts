import type { ValueKind } from './row-spill.js'

/** The Parquet types wandb-rx writes: every number is a DOUBLE (W&B metrics are floats). */
export type ParquetColumnType = 'DOUBLE' | 'BOOLEAN' | 'STRING'

/**
 * Picks a column's Parquet type from the kinds of value it held. One kind maps to its own type;
 * a column of mixed kinds, arrays or objects becomes STRING holding each value's text (JSON for
 * arrays), so no value is lost. All-null columns are STRING too.
 *
 * @example
 * ```ts
 * parquetColumnType(new Set(['number']))           // 'DOUBLE'
 * parquetColumnType(new Set(['number', 'string'])) // 'STRING'
 * ```
 */
export function parquetColumnType(kinds: ReadonlySet<ValueKind>): ParquetColumnType {
  if (kinds.size === 1 && kinds.has('number')) return 'DOUBLE'
  if (kinds.size === 1 && kinds.has('boolean')) return 'BOOLEAN'
  return 'STRING'
}

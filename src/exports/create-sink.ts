import { csvSink } from './csv-sink.js'
import { jsonlSink, type NonFiniteMode } from './jsonl-sink.js'
import { parquetSink } from './parquet-sink.js'
import type { ExportFormat, RowSink } from './row-sink.js'
import { fileTarget, type TextTarget } from './text-target.js'

/** Options of {@link createSink}. */
export interface CreateSinkOptions {
  /** Known columns (CSV streams without a spill when given). */
  readonly columns?: readonly string[]
  readonly nonFinite?: NonFiniteMode
  readonly rowGroupSize?: number
}

/**
 * Opens a sink of `format` writing to a file path, or (CSV and JSONL only) to a text target
 * such as stdout. Parquet is binary and needs a file path.
 *
 * @example
 * ```ts
 * const sink = createSink('parquet', 'out/history.parquet')
 * ```
 */
export function createSink(
  format: ExportFormat,
  out: string | TextTarget,
  options: CreateSinkOptions = {},
): RowSink {
  if (format === 'parquet') {
    if (typeof out !== 'string') throw new TypeError('parquet output needs a file path')
    return parquetSink(out, options.rowGroupSize === undefined ? {} : { rowGroupSize: options.rowGroupSize })
  }
  const target = typeof out === 'string' ? fileTarget(out) : out
  if (format === 'csv') return csvSink(target, options.columns ? { columns: options.columns } : {})
  return jsonlSink(target, options.nonFinite ? { nonFinite: options.nonFinite } : {})
}

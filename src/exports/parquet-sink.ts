import type { ColumnSource } from 'hyparquet-writer'
import { VERSION } from '../version.js'
import { cellText } from './cell-text.js'
import { flattenRecord } from './flatten-record.js'
import { orderColumns } from './order-columns.js'
import { parquetColumnType, type ParquetColumnType } from './parquet-column-type.js'
import { RowSpill } from './row-spill.js'
import type { ExportRow, RowSink } from './row-sink.js'

/** Options of {@link parquetSink}. */
export interface ParquetSinkOptions {
  /** Rows per row group (default 5 000): the most rows held in memory while writing. */
  readonly rowGroupSize?: number
}

/**
 * Writes rows to a Parquet file (hyparquet-writer, pure JS, snappy). A Parquet schema must be
 * complete before the first row group, so rows are spilled to a temp JSONL file while column
 * types are collected; `close()` then writes row groups of bounded size. Memory holds at most
 * one row group, whatever the row count.
 *
 * Columns are nullable and flattened with dots (`eval.loss`). Numbers are DOUBLE and keep `NaN`
 * and `±Infinity` as IEEE values; mixed or array columns are STRING (see {@link parquetColumnType}).
 *
 * @example
 * ```ts
 * const sink = parquetSink('history.parquet')
 * sink.write({ _step: 0, loss: NaN })
 * await sink.close()
 * // Output (read with hyparquet): [{ _step: 0, loss: NaN }]
 * ```
 */
export function parquetSink(path: string, options: ParquetSinkOptions = {}): RowSink {
  const rowGroupSize = options.rowGroupSize ?? 5_000
  const spill = new RowSpill()
  let rowCount = 0
  return {
    get rowCount() {
      return rowCount
    },
    write(row: ExportRow) {
      spill.write(flattenRecord(row))
      rowCount++
    },
    async close() {
      try {
        // Loaded here, not at import: only a Parquet export pays for the writer.
        const { ParquetWriter, fileWriter, schemaFromColumnData } = await import('hyparquet-writer')
        const columns = orderColumns(spill.columns.keys()).map((name) => ({
          name,
          type: parquetColumnType(spill.columns.get(name) ?? new Set()),
        }))
        const schema = schemaFromColumnData({ columnData: columns.map((c) => ({ ...c, data: [] })) })
        const writer = new ParquetWriter({
          writer: fileWriter(path),
          schema,
          createdBy: `wandb-rx ${VERSION}`,
        })
        let group: Record<string, unknown>[] = []
        const writeGroup = async () => {
          if (group.length === 0) return
          const columnData: ColumnSource[] = columns.map(({ name, type }) => ({
            name,
            type,
            data: group.map((row) => toParquetValue(row[name], type)),
          }))
          await writer.write({ columnData, rowGroupSize: group.length })
          group = []
        }
        for await (const row of spill.rows()) {
          group.push(row)
          if (group.length >= rowGroupSize) await writeGroup()
        }
        await writeGroup()
        await writer.finish()
      } finally {
        spill.dispose()
      }
    },
  }
}

function toParquetValue(value: unknown, type: ParquetColumnType): unknown {
  if (value === null || value === undefined) return null
  return type === 'STRING' && typeof value !== 'string' ? cellText(value) : value
}

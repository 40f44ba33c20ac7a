import { stringify } from 'csv-stringify/sync'
import { cellText } from './cell-text.js'
import { flattenRecord } from './flatten-record.js'
import { orderColumns } from './order-columns.js'
import { RowSpill } from './row-spill.js'
import type { ExportRow, RowSink } from './row-sink.js'
import type { TextTarget } from './text-target.js'

/** Options of {@link csvSink}. */
export interface CsvSinkOptions {
  /**
   * The columns, in order. When given, the header is written at once and rows stream straight
   * through (keys outside the list are dropped). When absent, rows are spilled to a temp file
   * until `close()`, because a CSV header must name every column before the first row.
   */
  readonly columns?: readonly string[]
}

const BATCH = 500

/**
 * Writes rows as CSV (RFC 4180, via csv-stringify) with nested keys flattened to dotted column
 * names. Non-finite numbers are written as `NaN`, `Infinity`, `-Infinity` (pandas reads them
 * back as floats), missing values as empty cells, arrays as JSON.
 *
 * @example
 * ```ts
 * const sink = csvSink(fileTarget('loss.csv'), { columns: ['_step', 'loss'] })
 * sink.write({ _step: 0, loss: NaN })
 * await sink.close()
 * // Output (loss.csv): _step,loss\n0,NaN\n
 * ```
 */
export function csvSink(target: TextTarget, options: CsvSinkOptions = {}): RowSink {
  let columns = options.columns ? [...options.columns] : undefined
  const spill = columns ? undefined : new RowSpill()
  let batch: string[][] = []
  let rowCount = 0
  const flush = () => {
    if (batch.length > 0) target.write(stringify(batch))
    batch = []
  }
  const push = (row: Readonly<Record<string, unknown>>, names: readonly string[]) => {
    batch.push(names.map((name) => cellText(row[name])))
    if (batch.length >= BATCH) flush()
  }
  if (columns) target.write(stringify([columns]))
  return {
    get rowCount() {
      return rowCount
    },
    write(row: ExportRow) {
      const flat = flattenRecord(row)
      rowCount++
      if (spill) spill.write(flat)
      else push(flat, columns as string[])
    },
    async close() {
      if (spill) {
        try {
          columns = orderColumns(spill.columns.keys())
          if (columns.length > 0) target.write(stringify([columns]))
          for await (const row of spill.rows()) push(row, columns)
        } finally {
          spill.dispose()
        }
      }
      flush()
      await target.close()
    },
  }
}

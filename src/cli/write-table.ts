import { csvSink } from '../exports/csv-sink.js'
import { jsonlSink } from '../exports/jsonl-sink.js'
import { streamTarget } from '../exports/text-target.js'
import { stringifyExtendedJson } from '../internal/extended-json.js'
import type { CliIo } from './cli-io.js'
import { textTable } from './text-table.js'

/** The output formats of `runs` (runs or aggregation results). */
export const TABLE_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const
export type TableFormat = (typeof TABLE_FORMATS)[number]

/**
 * Prints flat rows to stdout as an aligned table (`empty` when there are none), one JSON array,
 * JSON Lines or CSV. Every row carries every column (`null` when missing), so JSON rows share
 * one shape and CSV cells line up with the header.
 *
 * @example
 * ```ts
 * await writeTable(io, 'csv', { columns: ['config.optimizer', 'n'], rows: [{ 'config.optimizer': 'adam', n: 3 }] }, 'no runs match')
 * // Output: config.optimizer,n\nadam,3\n
 * ```
 */
export async function writeTable(
  io: CliIo,
  format: TableFormat,
  table: { readonly columns: readonly string[]; readonly rows: readonly Readonly<Record<string, unknown>>[] },
  empty: string,
): Promise<void> {
  const rows = table.rows.map((row) => withNulls(table.columns, row))
  if (format === 'table') {
    io.stdout.write(rows.length === 0 ? `${empty}\n` : textTable(table.columns, rows))
  } else if (format === 'json') {
    io.stdout.write(`${stringifyExtendedJson(rows)}\n`)
  } else {
    const target = streamTarget(io.stdout)
    const sink = format === 'csv' ? csvSink(target, { columns: table.columns }) : jsonlSink(target)
    for (const row of rows) sink.write(row)
    await sink.close()
  }
}

/** Every column present (JSON drops `undefined`), so all rows share one shape. */
const withNulls = (columns: readonly string[], row: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))

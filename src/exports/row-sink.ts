/** A row as exports take it: any record; nested objects are flattened by the sink. */
export type ExportRow = Readonly<Record<string, unknown>>

/**
 * A streaming writer of rows in one format (CSV, JSONL, Parquet). Rows are written one at a
 * time and memory stays bounded; `close()` completes the file (header, footer) and must be
 * awaited.
 *
 * @example
 * ```ts
 * const sink = csvSink(fileTarget('h.csv'))
 * for await (const row of rows) sink.write(row)
 * await sink.close()
 * console.log(sink.rowCount)
 * ```
 */
export interface RowSink {
  write(row: ExportRow): void
  close(): Promise<void>
  /** Rows written so far. */
  readonly rowCount: number
}

/** The export formats: the names `--format` takes in the CLI. */
export type ExportFormat = 'csv' | 'jsonl' | 'parquet'

/** The file extension of each format. */
export const FORMAT_EXTENSION: Readonly<Record<ExportFormat, string>> = {
  csv: '.csv',
  jsonl: '.jsonl',
  parquet: '.parquet',
}

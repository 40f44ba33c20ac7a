import { extname } from 'node:path'
import type { ExportFormat } from '../exports/row-sink.js'
import { UsageError } from './usage-error.js'

const BY_EXTENSION: Readonly<Record<string, ExportFormat>> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
}

/**
 * The format of a data export: `--format` when given, else the `--out` file's extension, else
 * CSV. Parquet is binary, so it needs `--out`.
 *
 * @example
 * ```ts
 * outputFormat(undefined, 'h.parquet') // 'parquet'
 * outputFormat('parquet', undefined)    // throws UsageError (exit 2)
 * ```
 */
export function outputFormat(format: ExportFormat | undefined, out: string | undefined): ExportFormat {
  const chosen = format ?? (out ? BY_EXTENSION[extname(out).toLowerCase()] : undefined) ?? 'csv'
  if (chosen === 'parquet' && out === undefined)
    throw new UsageError('parquet is binary: pass --out FILE.parquet')
  return chosen
}

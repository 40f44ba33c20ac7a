import { parquetReadObjects } from 'hyparquet/src/index.js'
import { compressors } from 'hyparquet-compressors'
import type { HistoryRow } from '../codecs/history-row-codec.js'
import { columnOf, decodeParquetRow, pickKeys } from '../codecs/parquet-row-codec.js'
import { ParquetHistoryError } from '../errors/parquet-history-error.js'
import { parseExtendedJson } from '../internal/extended-json.js'
import { asCorrupt, type ExportFile } from './parquet-export-file.js'
import type { RowGroupSlice } from './parquet-row-groups.js'

const utf8 = new TextDecoder()
/** A column of Parquet's JSON logical type may hold W&B's NaN/Infinity tokens. */
const parsers = { jsonFromBytes: (bytes: Uint8Array) => parseExtendedJson(utf8.decode(bytes)) }

/**
 * The rows of one batch of row groups (see `planRowGroups`), decoded as history rows and sorted
 * by `_step`. With `keys`, only `_step` and those columns are read (ranged reads fetch just their
 * column chunks) and rows lacking any key are dropped.
 *
 * @example
 * ```ts
 * await readBatch(files, [{ file: 0, rowStart: 0, rowEnd: 1000, minStep: 0, maxStep: 999 }], ['loss'])
 * // [{ _step: 0, loss: 2.3 }, …]
 * ```
 */
export async function readBatch(
  files: readonly ExportFile[],
  batch: readonly RowGroupSlice[],
  keys: readonly string[] | undefined,
): Promise<HistoryRow[]> {
  const rows: HistoryRow[] = []
  for (const slice of batch) {
    const file = files[slice.file]
    if (file === undefined) continue
    const raw = await parquetReadObjects({
      file: file.bytes,
      metadata: file.metadata,
      rowStart: slice.rowStart,
      rowEnd: slice.rowEnd,
      compressors,
      parsers,
      ...(keys === undefined ? {} : { columns: projection(keys, file.columns) }),
    }).catch((cause: unknown) => {
      throw asCorrupt(cause, file.path)
    })
    for (const record of raw) {
      const row = decodeParquetRow(record, file.jsonColumns)
      if (row === undefined)
        throw new ParquetHistoryError('corrupt', 'a row without a valid _step', file.path)
      const kept = keys === undefined ? row : pickKeys(row, keys)
      if (kept !== undefined) rows.push(kept)
    }
  }
  if (batch.length > 1) rows.sort((a, b) => a._step - b._step)
  return rows
}

/** `_step` and the columns holding `keys`, each once. */
const projection = (keys: readonly string[], columns: ReadonlySet<string>): string[] => [
  ...new Set(['_step', ...keys.flatMap((key) => columnOf(key, columns) ?? [])]),
]

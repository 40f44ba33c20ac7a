import { parquetRead } from 'hyparquet/src/index.js'
import { compressors } from 'hyparquet-compressors'
import type { HistoryRow } from '../codecs/history-row-codec.js'
import { columnRows, type ParquetColumn } from '../codecs/parquet-column-rows.js'
import { columnOf, pickKeys } from '../codecs/parquet-row-codec.js'
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
 * column chunks) and rows lacking any key are dropped. Rows are built from whole decoded columns
 * (`columnRows`), not from hyparquet's row objects: one object per row instead of two.
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
  let rows: HistoryRow[] = []
  for (const slice of batch) {
    const file = files[slice.file]
    if (file === undefined) continue
    const read = columnsToRead(keys, file.columns)
    const columns = await readColumns(file, slice, read).catch((cause: unknown) => {
      throw asCorrupt(cause, file.path)
    })
    const steps = columns.find(([name]) => name === '_step')?.[1]
    const decoded =
      steps &&
      columnRows(
        steps,
        columns.filter(([name]) => name !== '_step'),
        file.jsonColumns,
      )
    if (decoded === undefined)
      throw new ParquetHistoryError('corrupt', 'a row without a valid _step', file.path)
    if (keys === undefined) rows = rows.length === 0 ? decoded : rows.concat(decoded)
    else if (keys.every((key) => file.columns.has(key))) {
      // Every key is a column of its own: the rows hold just `_step` and the keys already.
      for (const row of decoded) if (keys.every((key) => key in row)) rows.push(row)
    } else {
      for (const row of decoded) {
        const kept = pickKeys(row, keys)
        if (kept !== undefined) rows.push(kept)
      }
    }
  }
  if (batch.length > 1) rows.sort((a, b) => a._step - b._step)
  return rows
}

/**
 * The top-level columns a scan reads from a file with these `columns`: `_step` and the columns
 * holding `keys`, each once; all (`undefined`) without keys.
 *
 * @example
 * ```ts
 * columnsToRead(['loss', 'train.lr'], new Set(['_step', 'loss', 'train', 'acc'])) // ['_step', 'loss', 'train']
 * ```
 */
export const columnsToRead = (
  keys: readonly string[] | undefined,
  columns: ReadonlySet<string>,
): string[] | undefined =>
  keys && [...new Set(['_step', ...keys.flatMap((key) => columnOf(key, columns) ?? [])])]

/** The slice's top-level columns (all, or `names`), in file order, each a value per row. */
async function readColumns(
  file: ExportFile,
  slice: RowGroupSlice,
  names: readonly string[] | undefined,
): Promise<ParquetColumn[]> {
  const chunks = new Map<string, { rowStart: number; values: ArrayLike<unknown> }[]>()
  await parquetRead({
    file: file.bytes,
    metadata: file.metadata,
    rowStart: slice.rowStart,
    rowEnd: slice.rowEnd,
    compressors,
    parsers,
    ...(names === undefined ? {} : { columns: [...names] }),
    onChunk: ({ columnName, columnData, rowStart }) => {
      const column = chunks.get(columnName) ?? []
      column.push({ rowStart, values: columnData })
      chunks.set(columnName, column)
    },
  })
  return [...file.columns].flatMap((name) => {
    const parts = chunks.get(name)
    return parts === undefined ? [] : [[name, aligned(parts, slice.rowStart, slice.rowEnd)] as const]
  })
}

/** Column chunks (pages) laid out on the rows `[rowStart, rowEnd)`, as one array. */
function aligned(
  parts: readonly { rowStart: number; values: ArrayLike<unknown> }[],
  rowStart: number,
  rowEnd: number,
): ArrayLike<unknown> {
  const [only] = parts
  if (parts.length === 1 && only!.rowStart === rowStart && only!.values.length === rowEnd - rowStart)
    return only!.values
  const out = new Array<unknown>(rowEnd - rowStart).fill(null)
  for (const { rowStart: at, values } of parts) {
    for (let i = Math.max(0, rowStart - at); i < values.length && at + i < rowEnd; i++)
      out[at + i - rowStart] = values[i]
  }
  return out
}

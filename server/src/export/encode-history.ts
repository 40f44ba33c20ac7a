import { ByteWriter, ParquetWriter } from 'hyparquet-writer'
import { columnData, historySchema, type ExportRow } from './history-schema.js'
import type { ValueShape } from './value-shape.js'

/** Key-value metadata naming the format version and the JSON-text columns. */
export const FORMAT_KEY = 'wandb-rx:format'
export const JSON_COLUMNS_KEY = 'wandb-rx:json-columns'

/** Rows per row group: small enough for step-range pruning and ranged reads. */
export const ROW_GROUP_ROWS = 1000

/**
 * Encodes history rows (sorted by step; `shapes` from a `ShapeCollector`) as one Parquet file (Snappy, `_step` statistics per
 * row group). `pause` runs after each row group, so a caller can yield to pending requests
 * (or abort by throwing) while a large file is written.
 *
 * @example const bytes = await encodeHistory(rows, collector.shapes, () => new Promise((r) => setImmediate(r)))
 */
export async function encodeHistory(
  rows: readonly ExportRow[],
  shapes: ReadonlyMap<string, ValueShape>,
  pause: () => Promise<void>,
): Promise<Uint8Array> {
  const file = historySchema(shapes)
  const writer = new ByteWriter()
  const parquet = new ParquetWriter({
    writer,
    schema: file.schema,
    kvMetadata: [
      { key: FORMAT_KEY, value: '1' },
      { key: JSON_COLUMNS_KEY, value: JSON.stringify(file.jsonColumns) },
    ],
    createdBy: 'wandb-rx-server',
  })
  // One row group per call, columns built per group: no step holds the event loop for long.
  for (let at = 0; at < rows.length; at += ROW_GROUP_ROWS) {
    const group = columnData(rows.slice(at, at + ROW_GROUP_ROWS), file)
    await parquet.write({ columnData: group as never, rowGroupSize: ROW_GROUP_ROWS })
    await pause()
  }
  await parquet.finish()
  return writer.getBytes()
}

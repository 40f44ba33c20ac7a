import { ByteWriter, ParquetWriter } from 'hyparquet-writer'
import { historySchema, type ExportRow } from './history-schema.js'

/** Key-value metadata naming the format version and the JSON-text columns. */
export const FORMAT_KEY = 'wandb-rx:format'
export const JSON_COLUMNS_KEY = 'wandb-rx:json-columns'

/** Rows per row group: small enough for step-range pruning and ranged reads. */
export const ROW_GROUP_ROWS = 1000

/**
 * Encodes history rows (sorted by step) as one Parquet file (Snappy, `_step` statistics per
 * row group). `pause` runs after each row group, so a caller can yield to pending requests
 * (or abort by throwing) while a large file is written.
 *
 * @example const bytes = await encodeHistory([{ step: 0, row: { _step: 0, loss: 0.5 } }], () => Promise.resolve())
 */
export async function encodeHistory(
  rows: readonly ExportRow[],
  pause: () => Promise<void>,
): Promise<Uint8Array> {
  const { schema, columns, jsonColumns } = historySchema(rows)
  // hyparquet-writer awaits a writer's optional `flush` after each row group.
  const writer = Object.assign(new ByteWriter(), { flush: pause })
  const parquet = new ParquetWriter({
    writer,
    schema,
    kvMetadata: [
      { key: FORMAT_KEY, value: '1' },
      { key: JSON_COLUMNS_KEY, value: JSON.stringify(jsonColumns) },
    ],
    createdBy: 'wandb-rx-server',
  })
  await parquet.write({ columnData: columns as never, rowGroupSize: ROW_GROUP_ROWS })
  await parquet.finish()
  return writer.getBytes()
}

import { parquetWriteBuffer } from 'hyparquet-writer'
import type { SchemaElement } from 'hyparquet'

/** A column of a test export: a top-level DOUBLE/STRING/BOOLEAN key, or a struct of them. */
export type TestColumn =
  | {
      readonly name: string
      readonly type: 'DOUBLE' | 'STRING' | 'BOOLEAN'
      readonly data: readonly unknown[]
    }
  | {
      readonly name: string
      readonly fields: Readonly<Record<string, 'DOUBLE' | 'STRING'>>
      readonly data: readonly unknown[]
    }

/**
 * Parquet bytes shaped as PARQUET-CONTRACT.md says: `_step` INT64 (or DOUBLE), one optional
 * column per key, structs for nested objects, row groups of `rowGroupSize`, Snappy, and the
 * `wandb-rx:` key-value metadata.
 */
export function historyParquet(
  steps: readonly number[],
  columns: readonly TestColumn[],
  options: {
    rowGroupSize?: number
    jsonColumns?: readonly string[]
    stepType?: 'INT64' | 'DOUBLE'
    pageSize?: number
  } = {},
): ArrayBuffer {
  const stepType = options.stepType ?? 'INT64'
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length + 1 },
    { name: '_step', type: stepType, repetition_type: 'REQUIRED' },
  ]
  for (const column of columns) {
    if ('fields' in column) {
      schema.push({
        name: column.name,
        repetition_type: 'OPTIONAL',
        num_children: Object.keys(column.fields).length,
      })
      for (const [name, type] of Object.entries(column.fields)) schema.push(element(name, type))
    } else schema.push(element(column.name, column.type))
  }
  return parquetWriteBuffer({
    schema,
    rowGroupSize: options.rowGroupSize ?? 1000,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    kvMetadata: [
      { key: 'wandb-rx:format', value: '1' },
      { key: 'wandb-rx:json-columns', value: JSON.stringify(options.jsonColumns ?? []) },
    ],
    columnData: [
      { name: '_step', data: stepType === 'INT64' ? steps.map((s) => BigInt(s)) : [...steps] },
      ...columns.map((c) => ({ name: c.name, data: [...c.data] })),
    ],
  })
}

function element(name: string, type: 'DOUBLE' | 'STRING' | 'BOOLEAN'): SchemaElement {
  return type === 'STRING'
    ? { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }
    : { name, type, repetition_type: 'OPTIONAL' }
}

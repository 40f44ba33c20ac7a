import type { SchemaElement } from 'hyparquet-writer'
import { stringifyExtended } from '../util/extended-json.js'
import { mergeShapes, shapeOf, type ValueShape } from './value-shape.js'

/** A history row to export: its step and the logged object. */
export interface ExportRow {
  readonly step: number
  readonly row: Readonly<Record<string, unknown>>
}

/** Column data for hyparquet-writer: one array entry per row, null where the row lacks the key. */
export interface HistoryColumn {
  readonly name: string
  readonly data: unknown[]
}

export interface HistorySchema {
  readonly schema: SchemaElement[]
  readonly columns: HistoryColumn[]
  /** Top-level columns holding extended JSON text. */
  readonly jsonColumns: string[]
}

function elements(name: string, shape: ValueShape, repetition: 'OPTIONAL' | 'REQUIRED'): SchemaElement[] {
  switch (shape.kind) {
    case 'struct':
      return [
        { name, repetition_type: repetition, num_children: shape.fields.length },
        ...shape.fields.flatMap(([field, s]) => elements(field, s, 'REQUIRED')),
      ]
    case 'DOUBLE':
    case 'BOOLEAN':
      return [{ name, type: shape.kind, repetition_type: repetition }]
    default:
      return [
        {
          name,
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          logical_type: { type: 'STRING' },
          repetition_type: repetition,
        },
      ]
  }
}

/**
 * The Parquet schema and columns of a file holding `rows` (sorted by step): `_step` INT64
 * first, then flat columns, then structs, each group by name. wandb-core 0.30 projects keys
 * by top-level field index as if it were a leaf index, so flat columns must come before any
 * struct for its keyed reads to pick the right columns.
 */
export function historySchema(rows: readonly ExportRow[]): HistorySchema {
  const shapes = new Map<string, ValueShape>()
  for (const { row } of rows) {
    for (const key in row) {
      if (key === '_step') continue
      const shape = shapeOf(row[key])
      const seen = shapes.get(key)
      shapes.set(key, seen ? mergeShapes(seen, shape) : shape)
    }
  }
  const byName = (a: [string, ValueShape], b: [string, ValueShape]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
  const all = [...shapes].sort(byName)
  const ordered = [
    ...all.filter(([, s]) => s.kind !== 'struct'),
    ...all.filter(([, s]) => s.kind === 'struct'),
  ]
  const schema: SchemaElement[] = [
    { name: 'root', num_children: ordered.length + 1 },
    { name: '_step', type: 'INT64', repetition_type: 'REQUIRED' },
    ...ordered.flatMap(([name, shape]) => elements(name, shape, 'OPTIONAL')),
  ]
  const columns: HistoryColumn[] = [{ name: '_step', data: rows.map((r) => BigInt(r.step)) }]
  for (const [name, shape] of ordered) {
    const json = shape.kind === 'json'
    columns.push({
      name,
      data: rows.map(({ row }) => {
        if (!Object.hasOwn(row, name)) return null
        return json ? stringifyExtended(row[name]) : row[name]
      }),
    })
  }
  return { schema, columns, jsonColumns: ordered.filter(([, s]) => s.kind === 'json').map(([n]) => n) }
}

import type { SchemaElement } from 'hyparquet-writer'
import { stringifyExtended } from '../util/extended-json.js'
import { fitsShape, mergeShapes, shapeOf, type ValueShape } from './value-shape.js'

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
  /** Top-level columns after `_step`, in file order, with their shapes. */
  readonly columns: readonly (readonly [string, ValueShape])[]
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

/** The shape of every key over rows added one by one (so a caller can pause in between). */
export class ShapeCollector {
  readonly shapes = new Map<string, ValueShape>()

  add(row: Readonly<Record<string, unknown>>): void {
    for (const key in row) {
      if (key === '_step') continue
      const value = row[key]
      const seen = this.shapes.get(key)
      if (!seen) this.shapes.set(key, shapeOf(value))
      else if (!fitsShape(seen, value)) this.shapes.set(key, mergeShapes(seen, shapeOf(value)))
    }
  }
}

/**
 * The Parquet schema of a file whose keys have `shapes`: `_step` INT64 first, then flat
 * columns, then structs, each group by name. wandb-core 0.30 projects keys by top-level field
 * index as if it were a leaf index, so flat columns must come before any struct for its keyed
 * reads to pick the right columns.
 */
export function historySchema(shapes: ReadonlyMap<string, ValueShape>): HistorySchema {
  const byName = (a: [string, ValueShape], b: [string, ValueShape]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
  const all = [...shapes].sort(byName)
  const columns = [
    ...all.filter(([, s]) => s.kind !== 'struct'),
    ...all.filter(([, s]) => s.kind === 'struct'),
  ]
  return {
    schema: [
      { name: 'root', num_children: columns.length + 1 },
      { name: '_step', type: 'INT64', repetition_type: 'REQUIRED' },
      ...columns.flatMap(([name, shape]) => elements(name, shape, 'OPTIONAL')),
    ],
    columns,
    jsonColumns: columns.filter(([, s]) => s.kind === 'json').map(([n]) => n),
  }
}

/** Column data of `rows` for hyparquet-writer: null where a row lacks the key, JSON text for `json`. */
export function columnData(rows: readonly ExportRow[], schema: HistorySchema): HistoryColumn[] {
  const data: HistoryColumn[] = [{ name: '_step', data: rows.map((r) => BigInt(r.step)) }]
  for (const [name, shape] of schema.columns) {
    const json = shape.kind === 'json'
    data.push({
      name,
      data: rows.map(({ row }) => {
        if (!Object.hasOwn(row, name)) return null
        return json ? stringifyExtended(row[name]) : row[name]
      }),
    })
  }
  return data
}

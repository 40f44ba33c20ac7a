/**
 * The Parquet shape of a history key across the rows of one file. Numbers, booleans and strings
 * map to DOUBLE, BOOLEAN and STRING columns; objects that have the same keys (and shapes) in
 * every row map to a struct. Anything else (mixed types, null, arrays, empty objects, objects
 * of varying shape) is `json`: a STRING column of extended JSON text, which round-trips any
 * value. Readers give struct fields that a row lacks back as null, so only fixed-shape objects
 * are structs: then every reader returns exactly the logged object.
 */
export type ValueShape =
  | { readonly kind: 'DOUBLE' | 'BOOLEAN' | 'STRING' | 'json' }
  | { readonly kind: 'struct'; readonly fields: readonly (readonly [string, ValueShape])[] }

const JSON_SHAPE: ValueShape = { kind: 'json' }
const LEAVES = {
  number: { kind: 'DOUBLE' },
  boolean: { kind: 'BOOLEAN' },
  string: { kind: 'STRING' },
} as const satisfies Record<string, ValueShape>

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The shape of one value. */
export function shapeOf(value: unknown): ValueShape {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return LEAVES[typeof value as keyof typeof LEAVES]
  }
  if (!isPlainObject(value)) return JSON_SHAPE
  const keys = Object.keys(value).sort()
  if (keys.length === 0) return JSON_SHAPE
  const fields = keys.map((k) => [k, shapeOf(value[k])] as const)
  return fields.some(([, s]) => s.kind === 'json') ? JSON_SHAPE : { kind: 'struct', fields }
}

/** The shape that holds values of both shapes: the same shape, or `json`. */
export function mergeShapes(a: ValueShape, b: ValueShape): ValueShape {
  if (a === b) return a
  if (a.kind !== b.kind) return JSON_SHAPE
  if (a.kind !== 'struct' || b.kind !== 'struct') return a
  if (a.fields.length !== b.fields.length) return JSON_SHAPE
  const fields: (readonly [string, ValueShape])[] = []
  for (let i = 0; i < a.fields.length; i++) {
    const [name, left] = a.fields[i]!
    const [other, right] = b.fields[i]!
    if (name !== other) return JSON_SHAPE
    const merged = mergeShapes(left, right)
    if (merged.kind === 'json') return JSON_SHAPE
    fields.push([name, merged])
  }
  return { kind: 'struct', fields }
}

/** Whether `value` fits `shape` as it is (the common case, checked without building a shape). */
export function fitsShape(shape: ValueShape, value: unknown): boolean {
  switch (shape.kind) {
    case 'DOUBLE':
      return typeof value === 'number'
    case 'BOOLEAN':
      return typeof value === 'boolean'
    case 'STRING':
      return typeof value === 'string'
    case 'json':
      return true
    case 'struct': {
      if (!isPlainObject(value)) return false
      let keys = 0
      for (const _ in value) keys++
      return (
        keys === shape.fields.length &&
        shape.fields.every(([k, s]) => Object.hasOwn(value, k) && fitsShape(s, value[k]))
      )
    }
  }
}

import { FilterError } from './filter-error.js'
import type { FieldRef } from './field-ref.js'
import { FALSE, TRUE, frag, join, literal, not, type SqlFragment } from './sql-fragment.js'

export type CompareOp =
  '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin' | '$exists' | '$regex'
type RangeOp = '$gt' | '$gte' | '$lt' | '$lte'

const SQL_OP: Record<RangeOp, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }
const TEST: Record<RangeOp, (a: number, b: number) => boolean> = {
  $gt: (a, b) => a > b,
  $gte: (a, b) => a >= b,
  $lt: (a, b) => a < b,
  $lte: (a, b) => a <= b,
}

/** The value and JSON-type expressions of a field (json_type: 'integer', 'text', 'true', ...). */
interface Operand {
  readonly value: string
  readonly type?: string
}

function operandOf(field: Exclude<FieldRef, { kind: 'tags' }>): Operand {
  if (field.kind !== 'json') return { value: field.sql }
  const path = literal(field.path)
  return { value: `json_extract(r.${field.column}, ${path})`, type: `json_type(r.${field.column}, ${path})` }
}

/** Dates compare as our stored ISO form; a value without a zone is UTC, as W&B times are. */
function normalizeDate(value: unknown, where: string): unknown {
  const text =
    typeof value === 'object' && value !== null && '$date' in value
      ? (value as { $date: unknown }).$date
      : value
  if (typeof text !== 'string') return text
  if (!/^\d{4}-\d{2}-\d{2}/.test(text))
    throw new FilterError(`not an ISO-8601 date: ${JSON.stringify(text)}`, where)
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`
  const ms = Date.parse(zoned)
  if (Number.isNaN(ms)) throw new FilterError(`not an ISO-8601 date: ${JSON.stringify(text)}`, where)
  return new Date(ms).toISOString()
}

/**
 * Equality with Mongo's type brackets: `{f: 1}` never matches the string "1" or `true`, and
 * `{f: null}` matches null or missing. (Array fields other than `tags` compare as whole values.)
 */
function equals(op: Operand, field: FieldRef, value: unknown): SqlFragment {
  if (field.kind === 'json') {
    const type = op.type as string
    if (value === null) return frag(`${type} IS NULL OR ${type} = 'null'`)
    if (typeof value === 'boolean') return frag(`${type} = '${value}'`)
    if (typeof value === 'number') {
      // json_extract yields 1/0 for true/false, so only 0 and 1 need the type guard.
      return value === 0 || value === 1
        ? frag(`${op.value} = ? AND ${type} IN ('integer', 'real')`, value)
        : frag(`${op.value} = ?`, value)
    }
    if (typeof value === 'string') {
      // Objects and arrays come back as JSON text; only text that looks like one needs the guard.
      return /^[[{]/.test(value)
        ? frag(`${op.value} = ? AND ${type} = 'text'`, value)
        : frag(`${op.value} = ?`, value)
    }
    const kind = Array.isArray(value) ? 'array' : 'object'
    return frag(`${type} = '${kind}' AND ${op.value} = json(?)`, JSON.stringify(value))
  }
  if (value === null) return frag(`${op.value} IS NULL`)
  if (field.kind === 'number') return typeof value === 'number' ? frag(`${op.value} = ?`, value) : FALSE
  return typeof value === 'string' ? frag(`${op.value} = ?`, value) : FALSE
}

function range(op: Operand, field: FieldRef, name: RangeOp, value: unknown, where: string): SqlFragment {
  const sqlOp = SQL_OP[name]
  if (value === null) return name === '$gte' || name === '$lte' ? equals(op, field, null) : FALSE
  if (typeof value === 'object') throw new FilterError(`${name} needs a number, string or boolean`, where)
  if (field.kind !== 'json') {
    if (typeof value === (field.kind === 'number' ? 'number' : 'string'))
      return frag(`${op.value} ${sqlOp} ?`, value)
    return FALSE
  }
  const type = op.type as string
  if (typeof value === 'boolean') {
    const matching = [false, true].filter((b) => TEST[name](Number(b), Number(value)))
    return matching.length === 0 ? FALSE : frag(`${type} IN (${matching.map((b) => `'${b}'`).join(', ')})`)
  }
  if (typeof value === 'number') {
    // SQLite orders numbers below all text, so `< ''` bounds a lower-bound range to numbers.
    const upper = name === '$gt' || name === '$gte' ? ` AND ${op.value} < ''` : ''
    const boolGuard =
      TEST[name](0, value) || TEST[name](1, value) ? ` AND ${type} IN ('integer', 'real')` : ''
    return frag(`${op.value} ${sqlOp} ?${upper}${boolGuard}`, value)
  }
  const lower = name === '$lt' || name === '$lte' ? ` AND ${op.value} >= ''` : ''
  return frag(`${op.value} ${sqlOp} ?${lower} AND ${type} = 'text'`, value)
}

/** Some tag satisfies `cond` (json_each exposes each element as `value`). */
function someTag(cond: (elem: Operand) => SqlFragment): SqlFragment {
  const inner = cond({ value: 'value', type: 'type' })
  return { sql: `EXISTS (SELECT 1 FROM json_each(r.tags) WHERE ${inner.sql})`, params: inner.params }
}

/** Tags: scalar operands test membership, an array operand compares the whole list. */
function tagCondition(name: CompareOp, value: unknown, where: string, options: string): SqlFragment {
  const elem = someTag
  const elemField: FieldRef = { kind: 'text', sql: 'value' }
  switch (name) {
    case '$eq':
      if (Array.isArray(value)) return frag('r.tags = ?', JSON.stringify(value))
      return typeof value === 'string' ? elem((e) => frag(`${e.value} = ?`, value)) : FALSE
    case '$ne':
      return not(tagCondition('$eq', value, where, options))
    case '$in':
      return join(
        (value as unknown[]).map((v) => tagCondition('$eq', v, where, options)),
        'OR',
        FALSE,
      )
    case '$nin':
      return not(tagCondition('$in', value, where, options))
    case '$exists':
      return value ? TRUE : FALSE
    case '$regex':
      return elem((e) => frag(`regexp(?, ?, ${e.value})`, value, options))
    default:
      return elem((e) => range(e, elemField, name, value, where))
  }
}

/** Compiles one `field op value` condition. `options` is the `$options` of a `$regex`. */
export function compileCondition(
  field: FieldRef,
  name: CompareOp,
  raw: unknown,
  where: string,
  options = '',
): SqlFragment {
  const value = field.kind === 'date' ? normalizeValue(raw, where) : raw
  if (field.kind === 'tags') return tagCondition(name, value, where, options)
  const op = operandOf(field)
  switch (name) {
    case '$eq':
      return equals(op, field, value)
    case '$ne':
      return not(equals(op, field, value))
    case '$in':
      return join(
        (value as unknown[]).map((v) => equals(op, field, v)),
        'OR',
        FALSE,
      )
    case '$nin':
      return not(compileCondition(field, '$in', value, where))
    case '$exists':
      return frag(`${op.type ?? op.value} IS ${value ? 'NOT NULL' : 'NULL'}`)
    case '$regex':
      // Objects and arrays come back from json_extract as JSON text; only strings may match.
      return op.type
        ? frag(`regexp(?, ?, ${op.value}) AND ${op.type} = 'text'`, value, options)
        : frag(`regexp(?, ?, ${op.value})`, value, options)
    default:
      return range(op, field, name, value, where)
  }
}

function normalizeValue(value: unknown, where: string): unknown {
  return Array.isArray(value) ? value.map((v) => normalizeDate(v, where)) : normalizeDate(value, where)
}

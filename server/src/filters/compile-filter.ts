import { compileRegex } from './regexp.js'
import { compileCondition, type CompareOp } from './compare-ops.js'
import { resolveField } from './field-ref.js'
import { FilterError } from './filter-error.js'
import { TRUE, join, not, type JsonRef, type SqlFragment } from './sql-fragment.js'

/** A compiled W&B run filter: a WHERE fragment over `runs r` and the JSON paths it reads. */
export interface CompiledFilter extends SqlFragment {
  readonly jsonRefs: readonly JsonRef[]
}

const LOGICAL = new Set(['$and', '$or', '$nor'])
const COMPARE = new Set<string>([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
])
const MAX_DEPTH = 32
const MAX_CONDITIONS = 1000

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Compiles the W&B filter language (PROTOCOL §3; a JSON string or a parsed object) to SQL.
 * Unknown fields and operators throw a FilterError naming the JSON path.
 *
 * @example
 * compileFilter('{"config.lr": {"$gt": 0.01}, "tags": "best"}').sql
 * // (json_extract(r.config, '$."lr"."value"') > ? AND ... ) AND (EXISTS (SELECT 1 FROM json_each(r.tags) ...))
 */
export function compileFilter(input: unknown): CompiledFilter {
  let filter = input
  if (typeof input === 'string') {
    try {
      filter = input.trim() === '' ? {} : JSON.parse(input)
    } catch {
      throw new FilterError('filters is not valid JSON')
    }
  }
  if (filter === null || filter === undefined) return { ...TRUE, jsonRefs: [] }
  const state = { refs: [] as JsonRef[], conditions: 0 }
  const fragment = compileDocument(filter, '$', 0, state)
  return { ...fragment, jsonRefs: state.refs }
}

interface State {
  refs: JsonRef[]
  conditions: number
}

function compileDocument(doc: unknown, where: string, depth: number, state: State): SqlFragment {
  if (!isPlainObject(doc)) throw new FilterError('expected an object', where)
  if (depth > MAX_DEPTH) throw new FilterError(`nested deeper than ${MAX_DEPTH} levels`, where)
  const parts = Object.entries(doc).map(([key, value]) => {
    const at = `${where}.${key}`
    if (key.startsWith('$')) {
      if (!LOGICAL.has(key)) throw new FilterError(`unsupported operator ${key}`, at)
      if (!Array.isArray(value) || value.length === 0)
        throw new FilterError(`${key} needs a non-empty array`, at)
      const children = value.map((child, i) => compileDocument(child, `${at}[${i}]`, depth + 1, state))
      if (key === '$and') return join(children, 'AND', TRUE)
      const any = join(children, 'OR', TRUE)
      return key === '$or' ? any : not(any)
    }
    return compileField(key, value, at, state)
  })
  return join(parts, 'AND', TRUE)
}

function compileField(name: string, spec: unknown, where: string, state: State): SqlFragment {
  const field = resolveField(name, where)
  if (field.kind === 'json' && !state.refs.some((r) => r.column === field.column && r.path === field.path)) {
    state.refs.push({ column: field.column, path: field.path })
  }
  const count = () => {
    if (++state.conditions > MAX_CONDITIONS)
      throw new FilterError(`more than ${MAX_CONDITIONS} conditions`, where)
  }
  const keys = isPlainObject(spec) ? Object.keys(spec) : []
  if (!isPlainObject(spec) || !keys.some((k) => k.startsWith('$'))) {
    count()
    return compileCondition(field, '$eq', spec, where)
  }
  if (!keys.every((k) => k.startsWith('$')))
    throw new FilterError('cannot mix operators and plain keys', where)
  const options = spec.$options
  if (options !== undefined && (typeof options !== 'string' || spec.$regex === undefined)) {
    throw new FilterError('$options needs a string and a $regex', where)
  }
  const parts = keys
    .filter((k) => k !== '$options')
    .map((op) => {
      count()
      const at = `${where}.${op}`
      if (!COMPARE.has(op)) throw new FilterError(`unsupported operator ${op}`, at)
      const value = spec[op]
      checkOperand(op as CompareOp, value, (options as string | undefined) ?? '', at)
      return compileCondition(field, op as CompareOp, value, at, (options as string | undefined) ?? '')
    })
  return join(parts, 'AND', TRUE)
}

function checkOperand(op: CompareOp, value: unknown, options: string, where: string): void {
  if ((op === '$in' || op === '$nin') && !Array.isArray(value))
    throw new FilterError(`${op} needs an array`, where)
  if (op === '$exists' && typeof value !== 'boolean' && value !== 0 && value !== 1) {
    throw new FilterError('$exists needs true or false', where)
  }
  if (op === '$regex') {
    if (typeof value !== 'string') throw new FilterError('$regex needs a string', where)
    try {
      compileRegex(value, options)
    } catch (error) {
      throw new FilterError(`bad $regex: ${(error as Error).message}`, where)
    }
  }
}

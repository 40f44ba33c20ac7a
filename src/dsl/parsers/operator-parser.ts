import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { FieldPathNode } from '../nodes/field-path-node.js'
import { FilterNode } from '../nodes/filter-node.js'
import { NotNode } from '../nodes/not-node.js'
import { PredicateNode, type FilterValue, type PredicateOperator } from '../nodes/predicate-node.js'
import { parseFilterValue } from './filter-value-parser.js'
import { parseRegex } from './regex-parser.js'

/** Operators that execute code or need an aggregation engine: never accepted. */
const FORBIDDEN = new Set(['$where', '$function', '$accumulator', '$expr', '$jsonSchema', '$text'])
const DATE_ROOTS = new Set(['createdAt', 'heartbeatAt'])
const TYPE_ALIASES = new Set([
  'array',
  'bool',
  'boolean',
  'date',
  'decimal',
  'double',
  'int',
  'long',
  'null',
  'number',
  'object',
  'regex',
  'regexp',
  'string',
])

type OperatorParser = (path: FieldPathNode, value: unknown, at: string) => FilterValue

const comparable: OperatorParser = (_path, value, at) => {
  const parsed = parseFilterValue(value, at)
  if (typeof parsed === 'number' && Number.isNaN(parsed))
    throw new FilterCompileError(at, 'NaN matches no comparison')
  if (!(
    typeof parsed === 'number' ||
    typeof parsed === 'string' ||
    typeof parsed === 'boolean' ||
    parsed instanceof Date
  ))
    throw new FilterCompileError(at, 'comparisons take a number, string, boolean or Date')
  return parsed
}

const list =
  (allowRegExp: boolean): OperatorParser =>
  (_path, value, at) => {
    if (!Array.isArray(value))
      throw new FilterCompileError(at, `expects an array, got ${value === null ? 'null' : typeof value}`)
    return parseFilterValue(value, at, allowRegExp)
  }

const elemMatch: OperatorParser = (_path, value, at) => {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Date ||
    value instanceof RegExp
  )
    throw new FilterCompileError(
      at,
      '$elemMatch expects an object: an operator expression or a query on the elements',
    )
  validateRelative(value as Record<string, unknown>, at)
  // Validated above (operators and literals alike); the node factory deep-freezes a copy.
  return value as FilterValue
}

/**
 * The operator table: each `$op` a field can take and how its value is validated. Anything not
 * listed (and every code-running operator) is a {@link FilterCompileError} naming the path.
 *
 * @internal
 */
export const OPERATOR_PARSERS: Readonly<Record<PredicateOperator, OperatorParser>> = Object.freeze({
  $eq: (_path, value, at) => parseFilterValue(value, at),
  $ne: (_path, value, at) => parseFilterValue(value, at),
  $gt: comparable,
  $gte: comparable,
  $lt: comparable,
  $lte: comparable,
  $in: list(true),
  $nin: list(true),
  $all: list(true),
  $exists: (_path, value, at) => {
    if (typeof value !== 'boolean') throw new FilterCompileError(at, '$exists expects true or false')
    return value
  },
  $regex: (_path, value, at) => parseRegex(value, undefined, at),
  $size: (_path, value, at) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new FilterCompileError(at, '$size expects a non-negative integer')
    return value
  },
  $mod: (_path, value, at) => {
    const ok =
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((n) => typeof n === 'number' && Number.isFinite(n))
    if (!ok || value[0] === 0)
      throw new FilterCompileError(at, '$mod expects [divisor, remainder] with a non-zero divisor')
    return value as number[]
  },
  $type: (_path, value, at) => {
    const ok = (t: unknown) =>
      (typeof t === 'string' && TYPE_ALIASES.has(t)) || (typeof t === 'number' && Number.isInteger(t))
    if (!(Array.isArray(value) ? value.length > 0 && value.every(ok) : ok(value)))
      throw new FilterCompileError(
        at,
        `$type expects a type name (${[...TYPE_ALIASES].join(', ')}) or an array of them`,
      )
    return value as FilterValue
  },
  $elemMatch: elemMatch,
})

const SUPPORTED = [...Object.keys(OPERATOR_PARSERS), '$not', '$options'].join(', ')

const isOperatorKey = (key: string) => key.startsWith('$')

function checkDateOperand(path: FieldPathNode, operator: string, value: FilterValue, at: string): void {
  const root = FieldPathNode.root(path)
  if (!DATE_ROOTS.has(root) || path.segments.length > 1) return
  const needsDate = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'].includes(operator)
    ? [value]
    : ['$in', '$nin'].includes(operator)
      ? (value as FilterValue[])
      : []
  if (needsDate.some((v) => !(v instanceof Date)))
    throw new FilterCompileError(
      at,
      `${root} holds a Date: compare it with a Date, e.g. new Date('2024-01-01T00:00:00Z'), not ${JSON.stringify(value)}`,
    )
}

/** Rejects code-running and unknown operators with the path where they appear. */
export function checkOperatorName(key: string, at: string): void {
  if (FORBIDDEN.has(key))
    throw new FilterCompileError(
      at,
      `${key} is not allowed: wandb-rx never evaluates code or expressions from filters`,
    )
  if (!(key in OPERATOR_PARSERS) && key !== '$not' && key !== '$options')
    throw new FilterCompileError(at, `unknown operator ${key} (supported: ${SUPPORTED})`)
}

/**
 * Parses `{ $gt: 1, $lt: 5 }` applied to `path` into predicates (an `and` when several).
 *
 * @example
 * ```ts
 * parseOperatorExpression(parseFieldPath('summary.loss', 'summary.loss'), { $gt: 0.1, $lt: 0.5 }, 'summary.loss')
 * // { kind: 'and', conditions: [ { operator: '$gt', value: 0.1, … }, { operator: '$lt', value: 0.5, … } ] }
 * ```
 */
export function parseOperatorExpression(
  path: FieldPathNode,
  expr: Record<string, unknown>,
  at: string,
  options: { readonly insideNot?: boolean; readonly implicit?: boolean } = {},
): FilterNode {
  const nodes: FilterNode[] = []
  const keys = Object.keys(expr)
  if (keys.length === 0) throw new FilterCompileError(at, 'empty operator expression')
  for (const key of keys) {
    const opAt = options.implicit ? at : `${at}.${key}`
    if (!isOperatorKey(key))
      throw new FilterCompileError(
        opAt,
        `'${key}' mixed with operators: write either { $op: value } or a literal object, not both`,
      )
    checkOperatorName(key, opAt)
    const value = expr[key]
    if (key === '$options') {
      if (!('$regex' in expr)) throw new FilterCompileError(opAt, '$options without $regex')
      continue
    }
    if (key === '$not') {
      if (options.insideNot) throw new FilterCompileError(opAt, '$not cannot be nested in $not')
      nodes.push(parseNot(path, value, opAt))
      continue
    }
    const operator = key as PredicateOperator
    const parsed =
      operator === '$regex'
        ? parseRegex(value, expr['$options'], opAt)
        : OPERATOR_PARSERS[operator](path, value, opAt)
    checkDateOperand(path, operator, parsed, opAt)
    nodes.push(PredicateNode.create(path, operator, parsed, opAt))
  }
  return nodes.length === 1 && nodes[0] ? nodes[0] : FilterNode.and(nodes)
}

function parseNot(path: FieldPathNode, value: unknown, at: string): NotNode {
  if (value instanceof RegExp)
    return NotNode.create(
      path,
      [PredicateNode.create(path, '$regex', parseRegex(value, undefined, at), at)],
      at,
    )
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date)
    throw new FilterCompileError(at, '$not expects an operator expression such as { $gt: 1 } or a RegExp')
  const inner = parseOperatorExpression(path, value as Record<string, unknown>, at, { insideNot: true })
  return NotNode.create(path, FilterNode.conjuncts(inner) as PredicateNode[], at)
}

/** Validates the inside of `$elemMatch`: paths there are relative to an array element. */
function validateRelative(criteria: Record<string, unknown>, at: string): void {
  const keys = Object.keys(criteria)
  if (keys.length === 0) return
  if (keys.every(isOperatorKey) && !keys.some((k) => k === '$and' || k === '$or' || k === '$nor')) {
    parseOperatorExpression(FieldPathNode.create(['$element']), criteria, at)
    return
  }
  for (const key of keys) {
    const value = criteria[key]
    const keyAt = `${at}.${key}`
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value) || value.length === 0)
        throw new FilterCompileError(keyAt, `${key} expects a non-empty array of filters`)
      value.forEach((item, i) => {
        if (typeof item !== 'object' || item === null)
          throw new FilterCompileError(`${keyAt}.${i}`, 'expected a filter object')
        validateRelative(item as Record<string, unknown>, `${keyAt}.${i}`)
      })
    } else if (isOperatorKey(key)) {
      checkOperatorName(key, keyAt)
      throw new FilterCompileError(keyAt, `${key} cannot be mixed with field names here`)
    } else {
      if (key.split('.').some((s) => s === '' || s.startsWith('$')))
        throw new FilterCompileError(keyAt, `invalid field path '${key}'`)
      const path = FieldPathNode.create(key.split('.'))
      if (isOperatorObject(value)) parseOperatorExpression(path, value, keyAt)
      else if (!(value instanceof RegExp)) parseFilterValue(value, keyAt)
    }
  }
}

/** True for `{ $gt: 1 }`-style objects (some key is an operator). */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp) &&
    Object.keys(value).some(isOperatorKey)
  )
}

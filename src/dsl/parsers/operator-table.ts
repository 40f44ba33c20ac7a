import { FilterCompileError } from '../../errors/filter-compile-error.js'
import type { FieldPathNode } from '../nodes/field-path-node.js'
import type { FilterValue, PredicateOperator } from '../nodes/predicate-node.js'
import { parseFilterValue } from './filter-value-parser.js'
import { parseRegex } from './regex-parser.js'

/** Operators that execute code or need an aggregation engine: never accepted. */
const FORBIDDEN = new Set(['$where', '$function', '$accumulator', '$expr', '$jsonSchema', '$text'])
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

/** Validates one operator's value (the path is there for operators that depend on it). *
 * @internal
 */
export type OperatorParser = (path: FieldPathNode, value: unknown, at: string) => FilterValue

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

// The shape only: the inside is validated by validateElemMatch (operator-parser.ts).
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

/** Rejects code-running and unknown operators with the path where they appear. *
 * @internal
 */
export function checkOperatorName(key: string, at: string): void {
  if (FORBIDDEN.has(key))
    throw new FilterCompileError(
      at,
      `${key} is not allowed: wandb-rx never evaluates code or expressions from filters`,
    )
  if (!(key in OPERATOR_PARSERS) && key !== '$not' && key !== '$options')
    throw new FilterCompileError(at, `unknown operator ${key} (supported: ${SUPPORTED})`)
}

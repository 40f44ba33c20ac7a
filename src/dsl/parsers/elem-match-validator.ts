import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { FieldPathNode } from '../nodes/field-path-node.js'
import { checkOperatorName } from './operator-table.js'
import { parseFilterValue } from './filter-value-parser.js'
import { isOperatorKey, isOperatorObject } from './is-operator-object.js'

/** Parses an operator expression at a path (injected to keep the parsers acyclic). *
 * @internal
 */
export type ParseExpression = (path: FieldPathNode, expr: Record<string, unknown>, at: string) => unknown

const LOGICAL = new Set(['$and', '$or', '$nor'])

/**
 * Validates the inside of `$elemMatch`, whose paths are relative to an array element: either an
 * operator expression on the element (`{ $gt: 64 }`) or a query on its fields (`{ name: 'x' }`).
 * The same rules as everywhere apply: no code-running or unknown operators, no functions.
 *
 * @example
 * ```ts
 * validateElemMatch({ $where: 'x' }, 'config.l.$elemMatch', parseOperatorExpression)
 * // throws FilterCompileError at config.l.$elemMatch.$where: $where is not allowed …
 * ```
 */
export function validateElemMatch(
  criteria: Record<string, unknown>,
  at: string,
  parse: ParseExpression,
): void {
  const keys = Object.keys(criteria)
  if (keys.length === 0) return
  if (keys.every(isOperatorKey) && !keys.some((key) => LOGICAL.has(key))) {
    parse(FieldPathNode.create(['$element']), criteria, at)
    return
  }
  for (const key of keys) {
    const value = criteria[key]
    const keyAt = `${at}.${key}`
    if (LOGICAL.has(key)) {
      if (!Array.isArray(value) || value.length === 0)
        throw new FilterCompileError(keyAt, `${key} expects a non-empty array of filters`)
      value.forEach((item, i) => {
        if (typeof item !== 'object' || item === null)
          throw new FilterCompileError(`${keyAt}.${i}`, 'expected a filter object')
        validateElemMatch(item as Record<string, unknown>, `${keyAt}.${i}`, parse)
      })
    } else if (isOperatorKey(key)) {
      checkOperatorName(key, keyAt)
      throw new FilterCompileError(keyAt, `${key} cannot be mixed with field names here`)
    } else {
      if (key.split('.').some((s) => s === '' || s.startsWith('$')))
        throw new FilterCompileError(keyAt, `invalid field path '${key}'`)
      if (isOperatorObject(value)) parse(FieldPathNode.create(key.split('.')), value, keyAt)
      else if (!(value instanceof RegExp)) parseFilterValue(value, keyAt)
    }
  }
}

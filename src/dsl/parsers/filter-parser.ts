import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { FilterNode } from '../nodes/filter-node.js'
import { PredicateNode } from '../nodes/predicate-node.js'
import { parseFieldPath } from './field-path-parser.js'
import { isOperatorObject } from './is-operator-object.js'
import { checkOperatorName } from './operator-table.js'
import { parseOperatorExpression } from './operator-parser.js'
import { parseRegex } from './regex-parser.js'

const LOGICAL = { $and: 'and', $or: 'or', $nor: 'nor' } as const

/**
 * Parses a Mongo-style filter in Run field names into a frozen {@link FilterNode}, validating
 * everything up front: unknown fields and `$`-operators, code-running operators (`$where`,
 * `$function`, …), functions as values, non-array `$in`, bad regexes, empty `$and`, non-Date
 * comparisons on `createdAt`. Errors are {@link FilterCompileError}s naming the path.
 *
 * Top-level keys AND together; `{}` matches every run.
 *
 * @example
 * ```ts
 * parseFilter({ 'summary.loss': { $lt: 0.2 }, tags: 'baseline' })
 * // { kind: 'and', conditions: [
 * //   { kind: 'predicate', path: { segments: ['summary', 'loss'] }, operator: '$lt', value: 0.2, source: 'summary.loss.$lt' },
 * //   { kind: 'predicate', path: { segments: ['tags'] }, operator: '$eq', value: 'baseline', source: 'tags' } ] }
 * parseFilter({ $or: [{ 'config.lr': { $foo: 1 } }] })
 * // throws FilterCompileError: Invalid filter at $or.0.config.lr.$foo: unknown operator $foo …
 * ```
 */
export function parseFilter(filter: unknown, at = ''): FilterNode {
  if (
    typeof filter !== 'object' ||
    filter === null ||
    Array.isArray(filter) ||
    Object.getPrototypeOf(filter) !== Object.prototype
  )
    throw new FilterCompileError(at, 'a filter must be a plain object such as { state: "finished" }')
  const prefix = at === '' ? '' : `${at}.`
  const nodes: FilterNode[] = []
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    const keyAt = `${prefix}${key}`
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value) || value.length === 0)
        throw new FilterCompileError(keyAt, `${key} expects a non-empty array of filters`)
      const children = value.map((child, i) => parseFilter(child, `${keyAt}.${i}`))
      nodes.push(FilterNode[LOGICAL[key]](children))
    } else if (key.startsWith('$')) {
      checkOperatorName(key, keyAt)
      throw new FilterCompileError(keyAt, `${key} is a field operator: write { field: { ${key}: value } }`)
    } else {
      const path = parseFieldPath(key, keyAt)
      if (value instanceof RegExp)
        nodes.push(PredicateNode.create(path, '$regex', parseRegex(value, undefined, keyAt), keyAt))
      else if (isOperatorObject(value)) nodes.push(parseOperatorExpression(path, value, keyAt))
      else nodes.push(parseOperatorExpression(path, { $eq: value }, keyAt, { implicit: true }))
    }
  }
  return FilterNode.all(nodes)
}

import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { FieldPathNode } from '../nodes/field-path-node.js'
import { FilterNode } from '../nodes/filter-node.js'
import { NotNode } from '../nodes/not-node.js'
import { PredicateNode, type FilterValue, type PredicateOperator } from '../nodes/predicate-node.js'
import { validateElemMatch } from './elem-match-validator.js'
import { isOperatorKey } from './is-operator-object.js'
import { checkOperatorName, OPERATOR_PARSERS } from './operator-table.js'
import { parseRegex } from './regex-parser.js'

const DATE_ROOTS = new Set(['createdAt', 'heartbeatAt'])

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
    if (operator === '$elemMatch')
      validateElemMatch(parsed as Record<string, unknown>, opAt, parseOperatorExpression)
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

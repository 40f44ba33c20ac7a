import type { FieldPathNode } from '../dsl/nodes/field-path-node.js'
import type { FilterNode } from '../dsl/nodes/filter-node.js'
import type { PredicateNode } from '../dsl/nodes/predicate-node.js'
import { mergeCriteria } from './merge-criteria.js'
import type { Criteria } from './pushdown.js'

/**
 * Applies an operator expression at a path. Plain paths are dotted keys; a segment holding a
 * literal dot (`config["xprun.name"]`) becomes wandb-rx's `$key` operator, which reads exactly one
 * key and matches the rest of the path against `{ value: <that key's value> }`.
 */
function atPath(segments: readonly string[], expr: unknown): Criteria {
  const literal = segments.findIndex((segment) => segment.includes('.'))
  if (literal <= 0) return { [segments.join('.')]: expr }
  const inner = atPath(['value', ...segments.slice(literal + 1)], expr)
  return { [segments.slice(0, literal).join('.')]: { $key: [segments[literal], inner] } }
}

const operatorsOf = (predicates: readonly PredicateNode[]): Record<string, unknown> =>
  Object.fromEntries(predicates.map((p) => [p.operator, p.value]))

const pathOf = (path: FieldPathNode) => path.segments

/**
 * The mingo criteria (in Run field names) of a filter node: what `matches()` and the residual
 * evaluate. It is the user's filter, normalized: implicit equality and RegExp shorthand become
 * `$eq` / `$regex`, and ANDed conditions merge into one object where keys allow.
 *
 * @example
 * ```ts
 * toMingoCriteria(parseFilter({ state: 'finished', name: /^exp/ }))
 * // { state: { $eq: 'finished' }, name: { $regex: /^exp/ } }
 * toMingoCriteria(f.config(['xprun.name']).eq('a'))
 * // { config: { $key: ['xprun.name', { value: { $eq: 'a' } }] } }
 * ```
 */
export function toMingoCriteria(node: FilterNode): Criteria {
  switch (node.kind) {
    case 'predicate':
      return atPath(pathOf(node.path), { [node.operator]: node.value })
    case 'not':
      return atPath(pathOf(node.path), { $not: operatorsOf(node.predicates) })
    case 'and':
      return mergeCriteria(node.conditions.map(toMingoCriteria))
    case 'or':
    case 'nor':
      return { [`$${node.kind}`]: node.conditions.map(toMingoCriteria) }
  }
}

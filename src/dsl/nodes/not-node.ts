import type { FieldPathNode } from './field-path-node.js'
import type { PredicateNode } from './predicate-node.js'

/**
 * MongoDB's field-level `$not`: `{ 'config.lr': { $not: { $gt: 0.1 } } }` negates the operator
 * expression on one path (it also matches runs where the path is missing).
 *
 * @example
 * ```ts
 * NotNode.create(path, [gtPredicate], 'config.lr.$not')
 * // { kind: 'not', path, predicates: [gtPredicate], source: 'config.lr.$not' }
 * ```
 */
export interface NotNode {
  readonly kind: 'not'
  readonly path: FieldPathNode
  readonly predicates: readonly PredicateNode[]
  readonly source: string
}

export const NotNode = Object.freeze({
  create(path: FieldPathNode, predicates: readonly PredicateNode[], source: string): NotNode {
    return Object.freeze({ kind: 'not', path, predicates: Object.freeze([...predicates]), source })
  },
  is(value: unknown): value is NotNode {
    return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'not'
  },
})

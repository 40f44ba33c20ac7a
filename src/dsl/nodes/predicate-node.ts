import type { FieldPathNode } from './field-path-node.js'
import { freezeValue } from './freeze-value.js'

/**
 * The field operators a predicate can hold (MongoDB query semantics, evaluated by mingo).
 *
 * @example
 * ```ts
 * const op: PredicateOperator = '$lt'
 * ```
 */
export type PredicateOperator =
  | '$eq'
  | '$ne'
  | '$gt'
  | '$gte'
  | '$lt'
  | '$lte'
  | '$in'
  | '$nin'
  | '$exists'
  | '$regex'
  | '$size'
  | '$all'
  | '$elemMatch'
  | '$mod'
  | '$type'

/**
 * A value a filter can compare with: JSON-like data plus `Date` and `RegExp`.
 *
 * @example
 * ```ts
 * const values: FilterValue[] = ['adam', 0.2, true, null, new Date('2024-01-01'), /^exp/, [1, 2], { lr: 0.1 }]
 * ```
 */
export type FilterValue =
  | string
  | number
  | boolean
  | null
  | Date
  | RegExp
  | readonly FilterValue[]
  | { readonly [key: string]: FilterValue }

/**
 * One operator applied to one field: `{ 'summary.loss': { $lt: 0.2 } }` is one predicate.
 *
 * `source` is where it came from in the user's filter (`$or.1.summary.loss.$lt`), for errors and
 * `explain()`. `$regex` values are always `RegExp` (string patterns and `$options` are parsed).
 *
 * @example
 * ```ts
 * PredicateNode.create(FieldPathNode.create(['summary', 'loss']), '$lt', 0.2, 'summary.loss.$lt')
 * // { kind: 'predicate', path: { kind: 'fieldPath', segments: ['summary', 'loss'] }, operator: '$lt', value: 0.2, source: 'summary.loss.$lt' }
 * ```
 */
export interface PredicateNode {
  readonly kind: 'predicate'
  readonly path: FieldPathNode
  readonly operator: PredicateOperator
  readonly value: FilterValue
  readonly source: string
}

export const PredicateNode = Object.freeze({
  create(
    path: FieldPathNode,
    operator: PredicateOperator,
    value: FilterValue,
    source: string,
  ): PredicateNode {
    return Object.freeze({ kind: 'predicate', path, operator, value: freezeValue(value), source })
  },
  is(value: unknown): value is PredicateNode {
    return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'predicate'
  },
})

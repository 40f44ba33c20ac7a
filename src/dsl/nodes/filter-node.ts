import type { NotNode } from './not-node.js'
import type { PredicateNode } from './predicate-node.js'

/**
 * `$and`, `$or` or `$nor` over child filters. An `and` with no children matches every run.
 *
 * @example
 * ```ts
 * parseFilter({ $or: [{ state: 'crashed' }, { tags: 'retry' }] })
 * // { kind: 'or', conditions: [ <state $eq 'crashed'>, <tags $eq 'retry'> ] }
 * ```
 */
export interface LogicalNode {
  readonly kind: 'and' | 'or' | 'nor'
  readonly conditions: readonly FilterNode[]
}

/**
 * The filter tree the builder holds and the compiler reads: kind-tagged, frozen, readonly.
 *
 * @example
 * ```ts
 * parseFilter({ state: 'finished', $or: [{ tags: 'a' }, { tags: 'b' }] })
 * // { kind: 'and', conditions: [
 * //   { kind: 'predicate', operator: '$eq', value: 'finished', … },
 * //   { kind: 'or', conditions: [ … ] } ] }
 * ```
 */
export type FilterNode = LogicalNode | PredicateNode | NotNode

const logical =
  (kind: LogicalNode['kind']) =>
  (conditions: readonly FilterNode[]): LogicalNode =>
    Object.freeze({ kind, conditions: Object.freeze([...conditions]) })

export const FilterNode = Object.freeze({
  and: logical('and'),
  or: logical('or'),
  nor: logical('nor'),
  /** An `and` of every node, with nested `and`s flattened: the top-level conjuncts. */
  conjuncts(node: FilterNode): readonly FilterNode[] {
    return node.kind === 'and' ? node.conditions.flatMap((child) => FilterNode.conjuncts(child)) : [node]
  },
  /** The `and` of several filters, flattened; a single conjunct is returned as is. */
  all(nodes: readonly FilterNode[]): FilterNode {
    const conjuncts = nodes.flatMap((node) => FilterNode.conjuncts(node))
    return conjuncts.length === 1 && conjuncts[0] ? conjuncts[0] : FilterNode.and(conjuncts)
  },
  is(value: unknown): value is FilterNode {
    const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined
    return kind === 'and' || kind === 'or' || kind === 'nor' || kind === 'predicate' || kind === 'not'
  },
})

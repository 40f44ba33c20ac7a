import type { FieldPathNode } from './field-path-node.js'

/**
 * A sort direction: `asc` is W&B's `+`, `desc` its `-`.
 *
 * @example
 * ```ts
 * query.orderBy({ field: 'summary.loss', direction: 'asc' }) // order: '+summary_metrics.loss'
 * ```
 */
export type OrderDirection = 'asc' | 'desc'

/**
 * One sort key, in Run field names.
 *
 * @example
 * ```ts
 * parseOrderKey('-summary.loss')
 * // { kind: 'orderBy', path: { kind: 'fieldPath', segments: ['summary', 'loss'] }, direction: 'desc' }
 * ```
 */
export interface OrderByNode {
  readonly kind: 'orderBy'
  readonly path: FieldPathNode
  readonly direction: OrderDirection
}

export const OrderByNode = Object.freeze({
  create(path: FieldPathNode, direction: OrderDirection): OrderByNode {
    return Object.freeze({ kind: 'orderBy', path, direction })
  },
})

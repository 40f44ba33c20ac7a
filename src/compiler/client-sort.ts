import { compare } from 'mingo/util'
import type { Run } from '../codecs/run.js'
import { FieldPathNode } from '../dsl/nodes/field-path-node.js'
import type { OrderByNode, OrderDirection } from '../dsl/nodes/order-by-node.js'

/**
 * A sort the runtime applies on the client, opted into with `.sortLocally()`: it reads every
 * matching run (at most `maxRuns`, else it fails), sorts them with `compare`, then applies `limit`.
 *
 * @example
 * ```ts
 * const { clientSort, limit } = api.runs('team/mnist').orderBy('+state', '-summary.acc').sortLocally().limit(5).compile()
 * clientSort?.keys // [{ path: 'state', direction: 'asc' }, { path: 'summary.acc', direction: 'desc' }]
 * const top = [...all].sort(clientSort!.compare).slice(0, limit ?? undefined)
 * ```
 */
export interface ClientSort {
  readonly keys: readonly { readonly path: string; readonly direction: OrderDirection }[]
  readonly maxRuns: number
  /** Mongo ordering (missing < null < numbers < strings < … < Dates), ties broken by createdAt then id. */
  compare(a: Run, b: Run): number
}

const valueAt = (run: Run, segments: readonly string[]): unknown =>
  segments.reduce<unknown>(
    (value, segment) =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined,
    run,
  )

/**
 * Builds the client-side comparator for order keys.
 *
 * @example
 * ```ts
 * const sort = clientSortFor([parseOrderKey('state', 'orderBy.0'), parseOrderKey('-summary.acc', 'orderBy.1')], 5000)
 * runs.sort(sort.compare)
 * ```
 */
export function clientSortFor(order: readonly OrderByNode[], maxRuns: number): ClientSort {
  const keys = order.map((key) => ({ segments: key.path.segments, sign: key.direction === 'asc' ? 1 : -1 }))
  return Object.freeze({
    keys: Object.freeze(
      order.map((key) => Object.freeze({ path: FieldPathNode.toString(key.path), direction: key.direction })),
    ),
    maxRuns,
    compare(a: Run, b: Run): number {
      for (const { segments, sign } of keys) {
        const order = compare(valueAt(a, segments), valueAt(b, segments))
        if (order !== 0) return sign * order
      }
      return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    },
  })
}

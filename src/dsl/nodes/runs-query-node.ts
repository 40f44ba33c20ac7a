import type { FilterNode } from './filter-node.js'
import type { OrderByNode } from './order-by-node.js'

/**
 * Opting into a client-side sort: the runtime buffers at most `maxRuns` matching runs, then sorts.
 *
 * @example
 * ```ts
 * query.sortLocally({ maxRuns: 5000 }).node.sortLocally // { kind: 'sortLocally', maxRuns: 5000 }
 * ```
 */
export interface SortLocallyNode {
  readonly kind: 'sortLocally'
  readonly maxRuns: number
}

/**
 * Everything a `RunsQuery` builder holds, as one frozen tree; `compile()` reads only this.
 *
 * @example
 * ```ts
 * api.runs('team/mnist').where({ state: 'finished' }).limit(5).compile().node
 * // { kind: 'runsQuery', entity: 'team', project: 'mnist', where: { kind: 'predicate', … },
 * //   orderBy: [], perPage: null, limit: 5, lazy: false, cursor: null, sortLocally: null }
 * ```
 */
export interface RunsQueryNode {
  readonly kind: 'runsQuery'
  readonly entity: string | undefined
  readonly project: string
  /** The AND of every `where()`; null when there is none. */
  readonly where: FilterNode | null
  readonly orderBy: readonly OrderByNode[]
  /** The requested page size, or null for the default. */
  readonly perPage: number | null
  readonly limit: number | null
  readonly lazy: boolean
  readonly cursor: string | null
  readonly sortLocally: SortLocallyNode | null
}

export const RunsQueryNode = Object.freeze({
  create(init: { entity?: string | undefined; project: string }): RunsQueryNode {
    return Object.freeze({
      kind: 'runsQuery',
      entity: init.entity,
      project: init.project,
      where: null,
      orderBy: Object.freeze([]),
      perPage: null,
      limit: null,
      lazy: false,
      cursor: null,
      sortLocally: null,
    })
  },
  cloneWith(node: RunsQueryNode, changes: Partial<Omit<RunsQueryNode, 'kind'>>): RunsQueryNode {
    return Object.freeze({ ...node, ...changes })
  },
})

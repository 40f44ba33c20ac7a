import { FilterNode } from '../dsl/nodes/filter-node.js'
import { formatCriteria } from './format-criteria.js'
import { mergeCriteria } from './merge-criteria.js'
import { pushFilterNode } from './push-filter-node.js'
import type { Criteria } from './pushdown.js'
import { toMingoCriteria } from './mingo-criteria.js'

/**
 * Where one top-level conjunct of the filter runs, and why.
 *
 * @example
 * ```ts
 * compileFilter({ name: /^exp/ }).placements
 * // [{ conjunct: '{"name":{"$regex":"/^exp/"}}', placement: 'client', reason: "anchors ^ and $ are not supported by W&B's server" }]
 * ```
 */
export interface ConjunctPlacement {
  /** The conjunct in Run field names, as mingo criteria JSON. */
  readonly conjunct: string
  readonly placement: 'server' | 'server+client' | 'client'
  readonly reason: string | null
}

/** A filter split into the server part (W&B names) and the client residual (Run names). *
 * @internal
 */
export interface FilterSplit {
  readonly serverFilter: Criteria
  readonly residual: FilterNode | null
  readonly placements: readonly ConjunctPlacement[]
}

/**
 * Splits a filter into top-level conjuncts and places each: exact ones only on the server,
 * superset ones on the server *and* in the residual, the rest only in the residual. Because the
 * conjuncts are ANDed, server ∩ residual selects exactly the runs the whole filter selects.
 *
 * @example
 * ```ts
 * splitFilter(parseFilter({ state: 'finished', 'systemMetrics.gpu': { $gt: 50 } }))
 * // { serverFilter: { state: 'finished' },
 * //   residual: <predicate systemMetrics.gpu $gt 50>,
 * //   placements: [ { placement: 'server', … }, { placement: 'client', reason: "W&B's server cannot filter on systemMetrics.gpu" } ] }
 * ```
 */
export function splitFilter(node: FilterNode | null): FilterSplit {
  const servers: Criteria[] = []
  const residual: FilterNode[] = []
  const placements: ConjunctPlacement[] = []
  for (const conjunct of node ? FilterNode.conjuncts(node) : []) {
    const pushed = pushFilterNode(conjunct)
    if (pushed.server && Object.keys(pushed.server).length > 0) servers.push(pushed.server)
    if (!pushed.exact) residual.push(conjunct)
    placements.push({
      conjunct: formatCriteria(toMingoCriteria(conjunct)),
      placement: pushed.exact ? 'server' : pushed.server ? 'server+client' : 'client',
      reason: pushed.exact ? null : pushed.reason,
    })
  }
  return {
    serverFilter: servers.length === 0 ? {} : mergeCriteria(servers),
    residual: residual.length === 0 ? null : FilterNode.all(residual),
    placements,
  }
}

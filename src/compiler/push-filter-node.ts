import type { FilterNode } from '../dsl/nodes/filter-node.js'
import { mergeCriteria } from './merge-criteria.js'
import { Pushdown, type Criteria } from './pushdown.js'
import { pushPredicate } from './pushdown-policy.js'

/**
 * The pushdown of any filter node, built from {@link pushPredicate}:
 * - `and`: the AND of the children's server filters (a superset of an AND is the AND of supersets);
 *   exact when every child is;
 * - `or`: the OR of the children's server filters, but only when every branch has one (a branch
 *   with none means "any run" so the OR constrains nothing); exact when every branch is;
 * - `nor`: pushed only when every branch is exact (negating a superset would lose runs);
 * - `$not`: client only (W&B does not document `$not` for runs).
 *
 * @example
 * ```ts
 * pushFilterNode(parseFilter({ $or: [{ state: 'crashed' }, { 'summary.loss': { $gt: 1 } }] }))
 * // { server: { $or: [{ state: 'crashed' }, { 'summary_metrics.loss': { $gt: 1 } }] }, exact: false, … }
 * ```
 */
export function pushFilterNode(node: FilterNode): Pushdown {
  switch (node.kind) {
    case 'predicate':
      return pushPredicate(node)
    case 'not':
      return Pushdown.client("$not runs on the client (W&B's run filters do not document it)")
    case 'and': {
      const parts = node.conditions.map(pushFilterNode)
      const servers = parts.flatMap((part) => (part.server ? [part.server] : []))
      const reason = parts.find((part) => !part.exact)?.reason ?? null
      if (servers.length === 0) return parts.length === 0 ? Pushdown.exact({}) : Pushdown.client(reason ?? '')
      const server = mergeCriteria(servers)
      return parts.every((part) => part.exact)
        ? Pushdown.exact(server)
        : Pushdown.superset(server, reason ?? '')
    }
    case 'or':
    case 'nor': {
      const parts = node.conditions.map(pushFilterNode)
      const servers: Criteria[] = []
      for (const part of parts) {
        if (!part.server || (node.kind === 'nor' && !part.exact))
          return Pushdown.client(
            `a $${node.kind} branch cannot be pushed to the server: ${part.reason ?? ''}`,
          )
        servers.push(part.server)
      }
      const server = { [`$${node.kind}`]: servers }
      const inexact = parts.find((part) => !part.exact)
      return inexact
        ? Pushdown.superset(server, `a $or branch is re-checked: ${inexact.reason ?? ''}`)
        : Pushdown.exact(server)
    }
  }
}

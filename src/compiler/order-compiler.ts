import { FilterCompileError } from '../errors/filter-compile-error.js'
import type { OrderByNode } from '../dsl/nodes/order-by-node.js'
import type { SortLocallyNode } from '../dsl/nodes/runs-query-node.js'
import { FieldPathNode } from '../dsl/nodes/field-path-node.js'
import { clientSortFor, type ClientSort } from './client-sort.js'
import { serverOrderKey } from './server-order-key.js'

/** W&B's default order (PROTOCOL.md §3): oldest first. *
 * @internal
 */
export const DEFAULT_ORDER = '+created_at'

/** The compiled order: the server's `order` variable, and a client sort when opted in and needed. *
 * @internal
 */
export interface CompiledOrder {
  readonly order: string
  readonly clientSort: ClientSort | null
}

/**
 * Compiles order keys. W&B takes one key, so one server-sortable key goes to the server; several
 * keys, or a key the server cannot sort by, need `.sortLocally()` (the server then pages in its
 * default order and the runtime sorts), otherwise they are a {@link FilterCompileError}.
 *
 * @example
 * ```ts
 * compileOrder([parseOrderKey('-summary.eval/loss', 'orderBy.0')], null)
 * // { order: "-summary_metrics['eval/loss']", clientSort: null }
 * compileOrder([parseOrderKey('state', 'orderBy.0')], null)
 * // throws FilterCompileError at orderBy.0: cannot sort by state on the server: W&B documents run order only by … ; call .sortLocally()
 * ```
 */
export function compileOrder(
  keys: readonly OrderByNode[],
  sortLocally: SortLocallyNode | null,
): CompiledOrder {
  const [first] = keys
  if (!first) return { order: DEFAULT_ORDER, clientSort: null }
  const server = serverOrderKey(first.path)
  if (keys.length === 1 && 'key' in server)
    return { order: `${first.direction === 'asc' ? '+' : '-'}${server.key}`, clientSort: null }
  if (sortLocally) return { order: DEFAULT_ORDER, clientSort: clientSortFor(keys, sortLocally.maxRuns) }
  if ('reason' in server)
    throw new FilterCompileError(
      'orderBy.0',
      `cannot sort by ${FieldPathNode.toString(first.path)} on the server: ${server.reason}; call .sortLocally() to sort a bounded result on the client`,
      { node: first },
    )
  throw new FilterCompileError(
    'orderBy.1',
    'W&B sorts by a single key; call .sortLocally() to sort by several keys on the client',
    { node: keys[1] },
  )
}

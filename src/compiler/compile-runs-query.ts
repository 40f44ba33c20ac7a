import { FilterNode } from '../dsl/nodes/filter-node.js'
import type { RunsQueryNode } from '../dsl/nodes/runs-query-node.js'
import type { CompiledRunsQuery } from './compiled-runs-query.js'
import { compileFilter } from './compile-filter.js'
import { explainRunsQuery } from './explain-runs-query.js'
import { compileOrder } from './order-compiler.js'
import { RUN_COUNT_DOCUMENT, runsQueryDocument } from './runs-query-document.js'

/** The Python SDK's page size for `api.runs` (PROTOCOL.md §3). *
 * @internal
 */
export const DEFAULT_PER_PAGE = 50

/** Run fields the light fragment leaves empty (`lastHistoryStep` comes from `historyKeys`). */
const HEAVY_ROOTS = new Set(['config', 'summary', 'systemMetrics', 'lastHistoryStep'])

function rootsOf(node: FilterNode | null): string[] {
  if (!node) return []
  if (node.kind === 'predicate' || node.kind === 'not') return [node.path.segments[0] ?? '']
  return node.conditions.flatMap(rootsOf)
}

/**
 * Compiles a runs query node into the frozen {@link CompiledRunsQuery}: GraphQL document and
 * variables, server filter and client residual (each mingo query built once), order, paging.
 * No I/O; every error is a {@link FilterCompileError}.
 *
 * `.lazy()` is overridden (with a note in `explain()`) when the residual or a client sort reads
 * `config`, `summary` or `systemMetrics`, which the light fragment leaves empty. Without an
 * explicit `perPage`, a `limit` below 50 with no residual shrinks the page to the limit.
 *
 * @example
 * ```ts
 * compileRunsQuery(node).variables
 * // { project: 'mnist', entity: 'team', filters: '{"state":"finished"}', order: '+created_at', perPage: 50, cursor: null }
 * ```
 */
export function compileRunsQuery(node: RunsQueryNode): CompiledRunsQuery {
  const filter = compileFilter(node.where ?? FilterNode.and([]))
  const { order, clientSort } = compileOrder(node.orderBy, node.sortLocally)
  const notes: string[] = []
  const clientRoots = [
    ...rootsOf(filter.residualNode),
    ...(clientSort ? node.orderBy.map((key) => key.path.segments[0] ?? '') : []),
  ]
  let lazy = node.lazy
  if (lazy && clientRoots.some((root) => HEAVY_ROOTS.has(root))) {
    lazy = false
    notes.push(
      'lazy() overridden: the client reads config, summary, systemMetrics or lastHistoryStep, which the light fragment leaves empty',
    )
  }
  const bounded = node.limit !== null && filter.residual === null && clientSort === null
  const perPage =
    node.perPage ??
    (bounded && node.limit !== null ? Math.min(DEFAULT_PER_PAGE, node.limit) : DEFAULT_PER_PAGE)
  if (
    node.limit !== null &&
    filter.residual !== null &&
    node.perPage === null &&
    node.limit > DEFAULT_PER_PAGE
  )
    notes.push('the residual filters on the client: a larger .perPage() may save round trips')
  const filters = JSON.stringify(filter.serverFilter)
  const compiled: Omit<CompiledRunsQuery, 'explain'> = {
    document: runsQueryDocument(lazy),
    countDocument: RUN_COUNT_DOCUMENT,
    variables: Object.freeze({
      project: node.project,
      entity: node.entity,
      filters,
      order,
      perPage,
      cursor: node.cursor,
    }),
    serverFilter: filter.serverFilter,
    residual: filter.residual,
    placements: filter.placements,
    limit: node.limit,
    lazy,
    ...(clientSort ? { clientSort } : {}),
    node,
    testResidual: filter.testResidual,
    matches: filter.test,
  }
  const explanation = explainRunsQuery(compiled, notes)
  return Object.freeze({ ...compiled, explain: () => explanation })
}

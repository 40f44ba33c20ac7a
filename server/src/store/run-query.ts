import { compileFilter } from '../filters/compile-filter.js'
import { compileOrder } from '../filters/compile-order.js'
import { afterCursor, decodeRunCursor, encodeRunCursor } from '../filters/run-cursor.js'
import type { JsonRef } from '../filters/sql-fragment.js'
import type { AutoIndexer } from './auto-index.js'
import type { Db } from './open-database.js'
import { RUN_COLUMNS, type RunRow } from './rows.js'
import { sql } from './statements.js'

export interface RunPageRequest {
  readonly filters?: unknown
  readonly order?: string | null
  readonly first?: number | null
  readonly after?: string | null
}

export interface RunPage {
  readonly rows: readonly { readonly row: RunRow; readonly cursor: string }[]
  readonly hasNextPage: boolean
}

export const MAX_PAGE = 1000
const DEFAULT_PAGE = 50

function dedupe(refs: readonly (JsonRef | undefined)[]): JsonRef[] {
  const out: JsonRef[] = []
  for (const ref of refs) {
    if (ref && !out.some((r) => r.column === ref.column && r.path === ref.path)) out.push(ref)
  }
  return out
}

/** One keyset page of a project's runs (filters and order per PROTOCOL §3). */
export function queryRunPage(db: Db, indexer: AutoIndexer, projectId: number, req: RunPageRequest): RunPage {
  const filter = compileFilter(req.filters)
  const order = compileOrder(req.order)
  const limit = Math.max(0, Math.min(req.first ?? DEFAULT_PAGE, MAX_PAGE))
  const cursor = req.after ? afterCursor(order, decodeRunCursor(req.after, order)) : undefined
  indexer.ensure(dedupe([...filter.jsonRefs, order.jsonRef]))
  const dir = order.desc ? 'DESC' : 'ASC'
  const text = `SELECT ${RUN_COLUMNS}, ${order.expr} AS sort_value FROM runs r
    WHERE r.project_id = ? AND (${filter.sql})${cursor ? ` AND (${cursor.sql})` : ''}
    ORDER BY ${order.expr} ${dir}, r.id ${dir} LIMIT ?`
  const rows = sql<RunRow & { sort_value: string | number | null }>(db, text).all(
    projectId,
    ...filter.params,
    ...(cursor?.params ?? []),
    limit + 1,
  )
  return {
    rows: rows.slice(0, limit).map(({ sort_value, ...row }) => ({
      row,
      cursor: encodeRunCursor({ order: order.key, value: sort_value, id: row.id }),
    })),
    hasNextPage: rows.length > limit,
  }
}

/**
 * Counts are cached until the next write. This process is the only writer, so SQLite's
 * `total_changes()` (rows changed on this connection) is a complete write version. Clients ask
 * `runCount` with every page (the Python paginator does), so a big filtered listing counts once.
 */
const countCache = new WeakMap<Db, { version: number; counts: Map<string, number> }>()

function cachedCount(db: Db, key: string, count: () => number): number {
  const version = sql<{ v: number }>(db, 'SELECT total_changes() AS v').get()?.v ?? 0
  let cache = countCache.get(db)
  if (!cache || cache.version !== version) countCache.set(db, (cache = { version, counts: new Map() }))
  let n = cache.counts.get(key)
  if (n === undefined) {
    if (cache.counts.size >= 500) cache.counts.clear()
    cache.counts.set(key, (n = count()))
  }
  return n
}

/** Number of a project's runs matching `filters`. */
export function countRuns(db: Db, indexer: AutoIndexer, projectId: number, filters: unknown): number {
  const filter = compileFilter(filters)
  indexer.ensure(filter.jsonRefs)
  const text = `SELECT count(*) AS n FROM runs r WHERE r.project_id = ? AND (${filter.sql})`
  const params = [projectId, ...filter.params]
  return cachedCount(
    db,
    JSON.stringify([text, params]),
    () => sql<{ n: number }>(db, text).get(...params)?.n ?? 0,
  )
}

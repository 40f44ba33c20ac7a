import type { ApiContext } from '../internal/api-context.js'
import { cursorPages } from './cursor-pages.js'
import type { RunsPage } from '../dsl/runs-query-runtime.js'
import { runsPageLoader } from './runs-page-loader.js'
import type { RunsQueryShape } from './runs-query-shape.js'
import { sortedRuns } from './sorted-runs.js'

/**
 * The pages of a runs query, with the residual applied per page and the limit honoured: paging
 * goes on until `limit` runs passed the residual or the server says `hasNextPage: false` (never
 * just because a page came back empty, or emptied by the residual). When the limit cuts a page,
 * its cursor is that of the last run kept, so resuming from it misses nothing. One page is
 * prefetched while the consumer works on the current one; the caller's `signal` cancels it.
 *
 * @example
 * ```ts
 * for await (const page of runsPages(ctx, compiled, signal)) console.log(page.runs.length, page.cursor)
 * ```
 */
export async function* runsPages(
  ctx: ApiContext,
  query: RunsQueryShape,
  signal: AbortSignal,
): AsyncGenerator<RunsPage, void, undefined> {
  const limit = query.limit ?? Infinity
  let remaining = limit
  if (limit <= 0) return
  const entity = await ctx.entity(query.variables.entity)
  const load = runsPageLoader(ctx, query, entity)
  const start = query.variables.cursor ?? null
  if (query.clientSort) {
    const runs = await sortedRuns(load, start, query.clientSort, signal)
    ctx.http.stats.rows += Math.min(runs.length, remaining)
    return yield { runs: runs.slice(0, remaining), cursor: null, hasNextPage: false }
  }
  let fetched = 0
  const wantsMore = (page: { readonly items: readonly unknown[] }) => (fetched += page.items.length) < limit
  for await (const page of cursorPages(load, start, signal, wantsMore)) {
    const kept = page.items.slice(0, remaining)
    const last = kept[kept.length - 1]
    const cut = last !== undefined && kept.length < page.items.length
    const runs = kept.map((edge) => edge.run)
    ctx.http.stats.rows += runs.length
    remaining -= runs.length
    // Cut by the limit: resume right after the last run kept.
    yield cut
      ? { runs, cursor: last.cursor, hasNextPage: true }
      : { runs, cursor: page.cursor, hasNextPage: page.hasNextPage }
    if (remaining === 0) return
  }
}

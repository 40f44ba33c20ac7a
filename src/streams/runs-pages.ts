import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { cursorPages } from './cursor-pages.js'
import type { RunsPage } from './runs-page.js'
import { runsPageLoader } from './runs-page-loader.js'
import type { RunsQueryShape } from './runs-query-shape.js'

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
  let remaining = query.limit ?? Infinity
  if (remaining <= 0) return
  const entity = await ctx.entity(query.variables.entity)
  const load = runsPageLoader(ctx, query, entity)
  for await (const page of cursorPages(load, query.variables.cursor ?? null, signal)) {
    const runs: Run[] = []
    let { cursor, hasNextPage } = page
    for (const [i, edge] of page.items.entries()) {
      if (!query.testResidual(edge.run)) continue
      runs.push(edge.run)
      if (runs.length === remaining) {
        const cut = i < page.items.length - 1
        if (cut) [cursor, hasNextPage] = [edge.cursor, true]
        break
      }
    }
    ctx.http.stats.rows += runs.length
    remaining -= runs.length
    yield { runs, cursor, hasNextPage }
    if (remaining === 0) return
  }
}

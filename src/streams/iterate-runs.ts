import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { runsPages } from './runs-pages.js'
import type { RunsQueryShape } from './runs-query-shape.js'

/**
 * The runs of a query as a pull-based async iterator: a page is requested only when the
 * consumer has pulled through the one before, plus at most one page prefetched. Leaving the
 * loop early (`break`, `return`, a throw) aborts the request in flight.
 *
 * @example
 * ```ts
 * for await (const run of iterateRuns(ctx, compiled)) {
 *   if (run.summary.loss < 0.1) break // aborts the prefetch
 * }
 * ```
 */
export async function* iterateRuns(
  ctx: ApiContext,
  query: RunsQueryShape,
): AsyncGenerator<Run, void, undefined> {
  const controller = new AbortController()
  try {
    for await (const page of runsPages(ctx, query, controller.signal)) yield* page.runs
  } finally {
    controller.abort()
  }
}

import { mergeMap } from 'rxjs'
import type { ApiContext } from '../internal/api-context.js'
import { countRuns } from './count-runs.js'
import { fromAbortable } from './from-abortable.js'
import { iterateRuns } from './iterate-runs.js'
import type { LiveOptions, RunsQueryRuntime } from '../dsl/runs-query-runtime.js'
import { liveRuns } from './live-runs.js'
import { runCurves } from './run-curves.js'
import type { CurveOptions } from '../dsl/types/curve-options.js'
import { runsPages } from './runs-pages.js'
import type { RunsQueryShape } from './runs-query-shape.js'

/**
 * Executes compiled runs queries against one Api's transport (PROTOCOL.md §3 cursor paging).
 *
 * - `stream()`: cold and lazy (nothing is fetched until subscribe); one page prefetched while the
 *   consumer works; the residual applied per page; `limit` honoured; unsubscribing or `take(n)`
 *   aborts the request in flight and schedules nothing more. Transport retries are per page and a
 *   page is emitted only once complete, so a retried page never emits a run twice.
 * - `pages()`: `{ runs, cursor, hasNextPage }` per page, for resumable paging with `.after(cursor)`.
 * - `.sortLocally()` queries read every match (at most `maxRuns`), sort, apply `limit`, and emit
 *   one page with `cursor: null` (a client-side order cannot be resumed from a server cursor).
 * - `iterate()`: pull-based async iteration (at most one page prefetched).
 * - `count()`: exact (see {@link countRuns}).
 * - `live()`: a polled live table (see {@link liveRuns}).
 * - `curves()`: grouped curves of a metric, once or live (the streams of `query.curves()`).
 *
 * @example
 * ```ts
 * const runtime = createRunsRuntime(api.context)
 * runtime.stream(api.runs('team/mnist').limit(10).compile()).subscribe((run) => console.log(run.id))
 * ```
 */
export function createRunsRuntime(ctx: ApiContext): RunsQueryRuntime {
  const pages = (query: RunsQueryShape) => fromAbortable((signal) => runsPages(ctx, query, signal))
  return Object.freeze({
    pages,
    stream: (query: RunsQueryShape) => pages(query).pipe(mergeMap((page) => page.runs)),
    iterate: (query: RunsQueryShape) => iterateRuns(ctx, query),
    count: (query: RunsQueryShape) => countRuns(ctx, query),
    live: (query: RunsQueryShape, options: LiveOptions) => liveRuns(ctx, query, options),
    curves: (query: RunsQueryShape, options: CurveOptions) => runCurves(ctx, query, options),
  })
}

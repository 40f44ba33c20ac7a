import { mergeMap, type Observable } from 'rxjs'
import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { countRuns } from './count-runs.js'
import { fromAbortable } from './from-abortable.js'
import { iterateRuns } from './iterate-runs.js'
import type { LiveEvent, LiveOptions } from './live-event.js'
import { liveRuns } from './live-runs.js'
import type { RunsPage } from './runs-page.js'
import { runsPages } from './runs-pages.js'
import type { RunsQueryShape } from './runs-query-shape.js'

/** How a runs query runs: what the DSL's builder calls for `stream()`, `pages()`, `count()`, … */
export interface RunsRuntime {
  stream(query: RunsQueryShape): Observable<Run>
  pages(query: RunsQueryShape): Observable<RunsPage>
  iterate(query: RunsQueryShape): AsyncIterableIterator<Run>
  count(query: RunsQueryShape): Promise<number>
  live(query: RunsQueryShape, options: LiveOptions): Observable<LiveEvent>
}

/**
 * Executes compiled runs queries against one Api's transport (PROTOCOL.md §3 cursor paging).
 *
 * - `stream()`: cold and lazy (nothing is fetched until subscribe); one page prefetched while the
 *   consumer works; the residual applied per page; `limit` honoured; unsubscribing or `take(n)`
 *   aborts the request in flight and schedules nothing more. Transport retries are per page and a
 *   page is emitted only once complete, so a retried page never emits a run twice.
 * - `pages()`: `{ runs, cursor, hasNextPage }` per page, for resumable paging with `.after(cursor)`.
 * - `iterate()`: pull-based async iteration (at most one page prefetched).
 * - `count()`: exact (see {@link countRuns}).
 * - `live()`: a polled live table (see {@link liveRuns}).
 *
 * @example
 * ```ts
 * const runtime = createRunsRuntime(api.context)
 * runtime.stream(api.runs('team/mnist').limit(10).compile()).subscribe((run) => console.log(run.id))
 * ```
 */
export function createRunsRuntime(ctx: ApiContext): RunsRuntime {
  const pages = (query: RunsQueryShape) => fromAbortable((signal) => runsPages(ctx, query, signal))
  return Object.freeze({
    pages,
    stream: (query: RunsQueryShape) => pages(query).pipe(mergeMap((page) => page.runs)),
    iterate: (query: RunsQueryShape) => iterateRuns(ctx, query),
    count: (query: RunsQueryShape) => countRuns(ctx, query),
    live: (query: RunsQueryShape, options: LiveOptions) => liveRuns(ctx, query, options),
  })
}

import { asyncScheduler, repeat, timer, type Observable, type SchedulerLike } from 'rxjs'
import type { ApiContext } from '../internal/api-context.js'
import type { LiveEvent, LiveOptions } from '../dsl/runs-query-runtime.js'
import { allRuns } from './all-runs.js'
import type { RunsQueryShape } from './runs-query-shape.js'
import { toLiveEvents } from './to-live-events.js'

/**
 * A live table of the runs matching a query: polls the whole listing (all pages, residual and
 * limit applied), waits `intervalMs` after each poll ends (polls never overlap), and emits a
 * `snapshot`, then `added` / `changed` / `removed` events. Never completes by itself; errors
 * that outlast the transport's retries end it with the typed error.
 *
 * @example
 * ```ts
 * liveRuns(ctx, api.runs('team/mnist').where({ state: 'running' }).compile(), { intervalMs: 10_000 })
 *   .subscribe((e) => console.log(e.type))
 * // snapshot, then e.g. changed (a heartbeat), removed (a run finished and no longer matches)
 * ```
 */
export function liveRuns(
  ctx: ApiContext,
  query: RunsQueryShape,
  options: LiveOptions = {},
  scheduler: SchedulerLike = asyncScheduler,
): Observable<LiveEvent> {
  const { intervalMs = 5000 } = options
  if (!(intervalMs >= 0)) throw new RangeError(`intervalMs must be ≥ 0, got ${intervalMs}`)
  return allRuns(ctx, query).pipe(repeat({ delay: () => timer(intervalMs, scheduler) }), toLiveEvents())
}

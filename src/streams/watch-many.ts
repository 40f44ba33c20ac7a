import { asyncScheduler, defer, type Observable, type SchedulerLike } from 'rxjs'
import { parseRunPath, type RunPath } from '../api/run-path.js'
import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { adaptivePoll } from './adaptive-poll.js'
import { fromAbortable } from './from-abortable.js'
import type { BackoffOptions } from './poll-delay.js'
import { pollWatchedRuns } from './poll-watched-runs.js'
import { resolveRun } from './resolved-run.js'
import type { WatchManyEvent } from './run-event.js'
import { RunTracker } from './run-tracker.js'

/**
 * Options of `watch()` and {@link watchMany}.
 *
 * @example
 * ```ts
 * const options: WatchOptions = { intervalMs: 2000, keys: ['loss'], fromStep: 'now', maxIntervalMs: 30_000 }
 * ```
 */
export interface WatchOptions extends BackoffOptions {
  /** The poll interval while things change. Default 5000 ms; it grows while nothing does. */
  readonly intervalMs?: number | undefined
  /** Only rows holding every key, with just these keys (plus `_step`). */
  readonly keys?: readonly string[] | undefined
  /** Steps per row window while catching up. Default 1000. */
  readonly pageSize?: number | undefined
  /** First step to emit: 0 (default) replays the history so far, `'now'` only rows logged from now on. */
  readonly fromStep?: number | 'now' | undefined
  /** @internal The scheduler of the poll timers (marble tests). */
  readonly scheduler?: SchedulerLike | undefined
}

/**
 * Watches several runs with **one batched GraphQL request per poll** (aliases `r0`, `r1`, …, plus
 * one batched request for the new rows of the runs that logged any), so 100 running runs cost
 * about one or two requests per interval, not 100. Emits each run's {@link RunEvent}s tagged with
 * its path; a run leaves the batch after its `end`, and the stream completes when all have ended.
 * Polls back off while nothing changes (heartbeats do not count) and reset on change; errors that
 * outlast the transport's retries end the stream with the typed error.
 *
 * @example
 * ```ts
 * const paths = (await api.runs('team/mnist').where({ state: 'running' }).toArray()).map((r) => r.path)
 * watchMany(api.context, paths, { intervalMs: 10_000, keys: ['loss'] })
 *   .subscribe(({ path, event }) => event.type === 'history' && console.log(path, event.rows.at(-1)?.loss))
 * ```
 */
export function watchMany(
  ctx: ApiContext,
  runs: readonly (RunPath | Run | string)[],
  options: WatchOptions = {},
): Observable<WatchManyEvent> {
  const { intervalMs = 5000, keys, pageSize = 1000, fromStep = 0, scheduler = asyncScheduler } = options
  if (!(intervalMs > 0)) throw new RangeError(`intervalMs must be > 0, got ${intervalMs}`)
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be an integer ≥ 1, got ${pageSize}`)
  const paths = runs.map((run) =>
    typeof run === 'string' ? parseRunPath(run) : 'path' in run ? parseRunPath(run.path) : run,
  )
  return defer(() => {
    let trackers: RunTracker[] | undefined
    const poll = () =>
      fromAbortable(async function* (signal) {
        trackers ??= await Promise.all(
          paths.map(async (p) => new RunTracker(await resolveRun(ctx, p), fromStep)),
        )
        yield* pollWatchedRuns(
          ctx,
          trackers.filter((t) => !t.ended),
          { keys, pageSize },
          signal,
        )
      })
    return adaptivePoll(poll, {
      ...options,
      intervalMs,
      scheduler,
      isChange: ({ event }) => event.type !== 'heartbeat',
      isDone: () => trackers !== undefined && trackers.every((t) => t.ended),
    })
  })
}

import { decode } from '../codecs/decode.js'
import { WatchRowsResponse, WatchStatusResponse } from '../codecs/watch-response-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import type { RunEvent, WatchManyEvent } from './run-event.js'
import { rowsInWindow } from './rows-in-window.js'
import type { RunTracker } from './run-tracker.js'
import type { StepWindow } from './step-windows.js'
import { watchRowsQuery, watchStatusQuery } from './watch-queries.js'
import { sendGraphql } from './send-graphql.js'

/** What one poll needs besides the trackers. @internal */
export interface PollSettings {
  readonly keys: readonly string[] | undefined
  readonly pageSize: number
}

/** Rows per batched request when many runs catch up at once. */
const MAX_STEPS_PER_REQUEST = 10_000

/**
 * One poll of the watched runs: one batched status request, batched row windows until every
 * run has caught up with the `lastStep` it reported, then the summary, heartbeat and state events
 * (history, summary, heartbeat, state: that order within a poll). Runs that turned terminal get
 * a final drain (status and rows again, in case the last rows landed with the state) and `end`.
 *
 * @example
 * ```ts
 * for await (const e of pollWatchedRuns(ctx, trackers, { keys: undefined, pageSize: 1000 }, signal)) emit(e)
 * ```
 */
export async function* pollWatchedRuns(
  ctx: ApiContext,
  trackers: readonly RunTracker[],
  settings: PollSettings,
  signal: AbortSignal,
): AsyncGenerator<WatchManyEvent, void, undefined> {
  const observed = await readStatuses(ctx, trackers, signal)
  yield* catchUp(ctx, trackers, settings, signal)
  yield* observed
  const ending = trackers.filter((t) => t.terminal)
  if (ending.length === 0) return
  const drained = await readStatuses(ctx, ending, signal)
  yield* catchUp(ctx, ending, settings, signal)
  yield* drained
  for (const tracker of ending) {
    tracker.ended = true
    yield { path: tracker.path, event: { type: 'end', state: tracker.state ?? 'unknown' } }
  }
}

async function readStatuses(ctx: ApiContext, trackers: readonly RunTracker[], signal: AbortSignal) {
  if (trackers.length === 0) return []
  const request = watchStatusQuery(trackers.map((t) => t.run))
  const data = decode(WatchStatusResponse, await sendGraphql(ctx, { ...request, signal }), 'WatchRuns')
  return trackers.flatMap((tracker, i) => {
    const project = data[`r${i}`]
    if (!project) throw new NotFoundError('project', `${tracker.run.entity}/${tracker.run.project}`)
    if (!project.run) throw new NotFoundError('run', tracker.path)
    return tracker.observe(project.run).map((event) => ({ path: tracker.path, event }))
  })
}

async function* catchUp(
  ctx: ApiContext,
  trackers: readonly RunTracker[],
  settings: PollSettings,
  signal: AbortSignal,
) {
  const sampled = settings.keys !== undefined && settings.keys.length > 0
  for (;;) {
    const batch: { tracker: RunTracker; window: StepWindow }[] = []
    let steps = 0
    for (const tracker of trackers) {
      const window = tracker.window(settings.pageSize)
      if (
        window === undefined ||
        (batch.length > 0 && steps + window.maxStep - window.minStep > MAX_STEPS_PER_REQUEST)
      )
        continue
      batch.push({ tracker, window })
      steps += window.maxStep - window.minStep
    }
    if (batch.length === 0) return
    const request = watchRowsQuery(
      batch.map(({ tracker, window }) => ({ run: tracker.run, window })),
      settings.keys,
    )
    const data = decode(WatchRowsResponse, await sendGraphql(ctx, { ...request, signal }), 'WatchRows')
    for (const [i, { tracker, window }] of batch.entries()) {
      const run = data[`h${i}`]?.run
      if (!run) throw new NotFoundError('run', tracker.path)
      const rows = rowsInWindow((sampled ? run.sampledHistory?.[0] : run.history) ?? [], window)
      const event: RunEvent | undefined = tracker.accept(window, rows)
      if (event === undefined) continue
      ctx.http.stats.rows += rows.length
      yield { path: tracker.path, event }
    }
  }
}

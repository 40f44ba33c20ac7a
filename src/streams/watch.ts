import { map, type Observable } from 'rxjs'
import type { RunPath } from '../api/run-path.js'
import type { ApiContext } from '../internal/api-context.js'
import type { RunEvent } from './run-event.js'
import { watchMany, type WatchOptions } from './watch-many.js'

/**
 * Follows one run live: polls its state, heartbeat, summary and last step every `intervalMs`
 * (growing politely while nothing changes, reset by any change), and emits typed
 * {@link RunEvent}s: `history` with the rows logged since the last ones (never repeated, never
 * skipped, replayed from `fromStep`, default 0), `summary` with the changed keys, `heartbeat`,
 * `state` transitions, and finally `end` once the run reached a terminal state (`finished`,
 * `crashed`, `failed`, `killed`, `preempted`) and its last rows were drained; then it completes.
 *
 * @example
 * ```ts
 * api.run('team/mnist/1a2b3c').watch({ intervalMs: 2000, keys: ['loss'] }).subscribe((e) => {
 *   if (e.type === 'history') for (const row of e.rows) console.log(row._step, row.loss)
 *   if (e.type === 'state') console.log(`${e.from} → ${e.to}`)
 * })
 * ```
 */
export function watch(ctx: ApiContext, path: RunPath, options: WatchOptions = {}): Observable<RunEvent> {
  return watchMany(ctx, [path], options).pipe(map(({ event }) => event))
}

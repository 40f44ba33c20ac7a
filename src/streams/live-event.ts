import type { Run } from '../codecs/run.js'

/**
 * What `query.live()` emits: first one `snapshot` of every matching run, then a run that
 * appeared (`added`), whose heartbeat, state or summary moved (`changed`), or that stopped
 * matching or was deleted (`removed`, carrying its last known value).
 *
 * @example
 * ```ts
 * api.runs('team/mnist').where({ state: 'running' }).live({ intervalMs: 10_000 }).subscribe((e) =>
 *   e.type === 'snapshot' ? render(e.runs) : console.log(e.type, e.run.id))
 * ```
 */
export type LiveEvent =
  | { readonly type: 'snapshot'; readonly runs: readonly Run[] }
  | { readonly type: 'added' | 'changed' | 'removed'; readonly run: Run }

/** Options of `query.live()`. */
export interface LiveOptions {
  /** Time between the end of one poll and the start of the next. Default 5000 ms. */
  readonly intervalMs?: number
}

import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { RunState } from '../codecs/run.js'

/**
 * What `watch()` emits about a run:
 * - `history`: rows logged since the last ones emitted, in `_step` order, never repeated or skipped;
 * - `summary`: the top-level summary keys that changed (new values) or were removed, and the whole summary;
 * - `heartbeat`: the run's heartbeat moved;
 * - `state`: a state transition (`from: null` on the first poll);
 * - `end`: the last event, after a terminal state and a final drain of rows.
 *
 * @example
 * ```ts
 * api.run('team/mnist/1a2b3c').watch().subscribe((e) => {
 *   if (e.type === 'history') chart.append(e.rows)
 *   if (e.type === 'end') console.log('run ended:', e.state)
 * })
 * ```
 */
export type RunEvent =
  | { readonly type: 'history'; readonly rows: readonly HistoryRow[] }
  | {
      readonly type: 'summary'
      readonly changed: Readonly<Record<string, unknown>>
      readonly removed: readonly string[]
      readonly summary: Readonly<Record<string, unknown>>
    }
  | { readonly type: 'heartbeat'; readonly at: Date }
  | { readonly type: 'state'; readonly from: RunState | null; readonly to: RunState }
  | { readonly type: 'end'; readonly state: RunState }

/**
 * A {@link RunEvent} of one of several watched runs (`watchMany`), with the run's path.
 *
 * @example
 * ```ts
 * const e: WatchManyEvent = { path: 'team/mnist/1a2b3c', event: { type: 'end', state: 'finished' } }
 * ```
 */
export interface WatchManyEvent {
  /** `entity/project/id`. */
  readonly path: string
  readonly event: RunEvent
}

/**
 * States after which a run logs nothing more (PROTOCOL.md §4); `watch()` ends on them.
 *
 * @example
 * ```ts
 * TERMINAL_STATES.has(run.state) // true for 'finished', 'crashed', 'failed', 'killed', 'preempted'
 * ```
 */
export const TERMINAL_STATES: ReadonlySet<string> = new Set([
  'finished',
  'crashed',
  'failed',
  'killed',
  'preempted',
])

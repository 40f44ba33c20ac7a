import type { RunEvent } from '../../streams/run-event.js'

/** What the watch view shows: the latest value and recent values of each key. */
export interface WatchState {
  readonly state: string
  readonly step: number
  readonly rows: number
  readonly heartbeatAt: Date | undefined
  readonly latest: ReadonlyMap<string, unknown>
  /** The last `keep` finite-or-NaN values per numeric key, oldest first. */
  readonly series: ReadonlyMap<string, readonly number[]>
  readonly ended: boolean
}

/** The state before the first event. */
export const initialWatchState = (state = 'unknown', heartbeatAt?: Date): WatchState => ({
  state,
  step: -1,
  rows: 0,
  heartbeatAt,
  latest: new Map(),
  series: new Map(),
  ended: false,
})

/**
 * Folds one watch event into the view state (pure; a reducer). History rows update the latest
 * values and append to each key's series, keeping the last `keep` points; only `keys` are
 * tracked when given, else every user key (not `_`-prefixed).
 *
 * @example
 * ```ts
 * const next = applyWatchEvent(initialWatchState(), { type: 'history', rows: [{ _step: 0, loss: 1 }] })
 * next.latest.get('loss') // 1
 * ```
 */
export function applyWatchEvent(
  current: WatchState,
  event: RunEvent,
  options: { keys?: readonly string[] | undefined; keep?: number } = {},
): WatchState {
  const keep = options.keep ?? 60
  switch (event.type) {
    case 'history': {
      const latest = new Map(current.latest)
      const series = new Map(current.series)
      let step = current.step
      for (const row of event.rows) {
        step = Math.max(step, row._step)
        for (const [key, value] of Object.entries(row)) {
          if (options.keys ? !options.keys.includes(key) : key.startsWith('_')) continue
          latest.set(key, value)
          if (typeof value === 'number') series.set(key, [...(series.get(key) ?? []), value].slice(-keep))
        }
      }
      return { ...current, latest, series, step, rows: current.rows + event.rows.length }
    }
    case 'state':
      return { ...current, state: event.to }
    case 'heartbeat':
      return { ...current, heartbeatAt: event.at }
    case 'end':
      return { ...current, state: event.state, ended: true }
    default:
      return current
  }
}

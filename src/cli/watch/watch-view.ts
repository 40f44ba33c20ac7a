import { cellText } from '../../exports/cell-text.js'
import { sparkline } from '../sparkline.js'
import type { WatchState } from './watch-state.js'

/**
 * Renders the watch view as lines of text: a status line (state, step, rows, heartbeat age) and
 * one line per key with its latest value and a sparkline of recent values.
 *
 * @example
 * ```ts
 * renderWatchView('team/demo/abc', state, Date.now())
 * // Output:
 * // team/demo/abc  running  step 41  rows 42  heartbeat 1s ago
 * //   loss  0.2311  ▇▆▅▄▃▂▂▁
 * ```
 */
export function renderWatchView(label: string, state: WatchState, now: number, width = 80): string[] {
  const age = state.heartbeatAt
    ? `heartbeat ${formatAge(now - state.heartbeatAt.getTime())} ago`
    : 'no heartbeat yet'
  const status = `${label}  ${state.state}  step ${Math.max(state.step, 0)}  rows ${state.rows}  ${age}`
  const keys = [...state.latest.keys()].sort()
  const nameWidth = Math.min(24, Math.max(0, ...keys.map((k) => k.length)))
  const lines = keys.map((key) => {
    const value = state.latest.get(key)
    const text =
      typeof value === 'number' && Number.isFinite(value)
        ? String(Number(value.toPrecision(5)))
        : cellText(value)
    const spark = sparkline(state.series.get(key) ?? [], Math.max(10, width - nameWidth - 16))
    return `  ${key.padEnd(nameWidth).slice(0, nameWidth)}  ${text.padStart(10).slice(0, 10)}  ${spark}`
  })
  return [status, ...(lines.length > 0 ? lines : ['  (no rows yet)'])]
}

/** `3s`, `2m05s`, `1h02m`: short enough for a status line. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

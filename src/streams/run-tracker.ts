import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { RunState } from '../codecs/run.js'
import type { WatchRunNode } from '../codecs/watch-response-codec.js'
import { runPathString, type ResolvedRun } from './resolved-run.js'
import { TERMINAL_STATES, type RunEvent } from './run-event.js'
import { sameJson } from './same-json.js'
import type { StepWindow } from './step-windows.js'

/**
 * What a watch knows about one run between polls: its last state, heartbeat and summary, and
 * `nextStep`, the first step not yet emitted. Rows are requested only in `[nextStep, lastStep]`
 * and `nextStep` moves to the end of each window received, so no row is emitted twice and none
 * is skipped (a window's rows are complete: `samples` equals its width).
 *
 * @example
 * ```ts
 * const tracker = new RunTracker(run, 0)
 * tracker.observe(statusNode) // [{ type: 'state', from: null, to: 'running' }, …]
 * tracker.window(1000)        // { minStep: 0, maxStep: 42 } while rows are pending
 * ```
 */
export class RunTracker {
  readonly path: string
  state: RunState | null = null
  ended = false
  #heartbeat: number | null = null
  #summary: Readonly<Record<string, unknown>> | null = null
  #nextStep: number | 'now'
  #lastStep = -1

  constructor(
    readonly run: ResolvedRun,
    fromStep: number | 'now',
  ) {
    this.path = runPathString(run)
    this.#nextStep = fromStep
  }

  get terminal(): boolean {
    return this.state !== null && TERMINAL_STATES.has(this.state)
  }

  /** Takes a fresh status and returns the summary, heartbeat and state events it implies. */
  observe(node: WatchRunNode): RunEvent[] {
    const events: RunEvent[] = []
    const lastStep = node.historyKeys?.['lastStep']
    this.#lastStep = typeof lastStep === 'number' && Number.isFinite(lastStep) ? lastStep : -1
    if (this.#nextStep === 'now') this.#nextStep = this.#lastStep + 1
    const summary = node.summaryMetrics ?? {}
    const changed: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(summary))
      if (
        this.#summary === null ||
        !Object.hasOwn(this.#summary, key) ||
        !sameJson(this.#summary[key], value)
      )
        changed[key] = value
    const removed = this.#summary
      ? Object.keys(this.#summary).filter((key) => !Object.hasOwn(summary, key))
      : []
    if (Object.keys(changed).length > 0 || removed.length > 0)
      events.push({ type: 'summary', changed, removed, summary })
    this.#summary = summary
    const heartbeat = node.heartbeatAt?.getTime() ?? null
    if (heartbeat !== null && heartbeat !== this.#heartbeat)
      events.push({ type: 'heartbeat', at: new Date(heartbeat) })
    this.#heartbeat = heartbeat
    const state = node.state ?? 'unknown'
    if (state !== this.state) events.push({ type: 'state', from: this.state, to: state })
    this.state = state
    return events
  }

  /** The next window of rows to fetch, at most `pageSize` wide, or undefined when caught up. */
  window(pageSize: number): StepWindow | undefined {
    const from = this.#nextStep
    if (from === 'now' || from > this.#lastStep) return undefined
    return { minStep: from, maxStep: Math.min(from + pageSize, this.#lastStep + 1) }
  }

  /** Records a fetched window; returns the `history` event when it held rows. */
  accept(window: StepWindow, rows: readonly HistoryRow[]): RunEvent | undefined {
    this.#nextStep = window.maxStep
    return rows.length > 0 ? { type: 'history', rows } : undefined
  }
}

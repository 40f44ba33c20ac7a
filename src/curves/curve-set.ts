import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { Run } from '../codecs/run.js'

/**
 * One run and its history rows, the input of {@link groupCurves}.
 *
 * @example
 * ```ts
 * const series: RunSeries = { run, rows: await lastValueFrom(api.run(run).scanHistory({ keys: ['loss'] }).pipe(toArray())) }
 * ```
 */
export interface RunSeries {
  readonly run: Run
  readonly rows: readonly HistoryRow[]
}

/**
 * One x bucket of a group's curve: the spread, across the group's runs, of each run's mean value
 * in the bucket. `std` is the population standard deviation of those run values (divided by
 * `count`, so 0 for one run), `stderr` is `std / √count`.
 *
 * @example
 * ```ts
 * const point: CurvePoint = { x: 49.5, x0: 0, x1: 100, mean: 0.42, min: 0.4, max: 0.45, std: 0.02, stderr: 0.0115, count: 3 }
 * ```
 */
export interface CurvePoint {
  /** The bucket's centre (for integer x, the middle of the integers it holds). */
  readonly x: number
  /** The bucket's bounds `[x0, x1)` (the last bucket of a non-integer x range includes `x1`). */
  readonly x0: number
  readonly x1: number
  readonly mean: number
  readonly min: number
  readonly max: number
  readonly std: number
  readonly stderr: number
  /** Runs with a value in this bucket. */
  readonly count: number
}

/**
 * The curve of one group of runs: the runs sharing the same values at the `groupBy` paths.
 *
 * @example
 * ```ts
 * const group: CurveGroup = { id: { 'config.optimizer': 'adam' }, label: 'adam', runIds: ['a1', 'b2'], points: [], skipped: 0 }
 * ```
 */
export interface CurveGroup {
  /** The group's value at each `groupBy` path (`null` where a run has none). */
  readonly id: Readonly<Record<string, unknown>>
  /** The values joined with `', '`; `'(none)'` for a missing one; `'all runs'` without `groupBy`. */
  readonly label: string
  readonly runIds: readonly string[]
  /** Ascending x; buckets where no run has a value are left out. */
  readonly points: readonly CurvePoint[]
  /** Rows whose x or value was NaN, ±Infinity, not a number or missing. */
  readonly skipped: number
}

/**
 * Grouped curves of one metric: what {@link groupCurves} returns and `query.curves()` emits.
 *
 * @example
 * ```ts
 * const set: CurveSet = { key: 'loss', x: '_step', groupBy: ['config.optimizer'], groups: [] }
 * ```
 */
export interface CurveSet {
  readonly key: string
  readonly x: string
  readonly groupBy: readonly string[]
  /** Sorted by label (numbers inside labels in numeric order). */
  readonly groups: readonly CurveGroup[]
}

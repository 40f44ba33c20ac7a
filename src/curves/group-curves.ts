import type { GroupCurvesOptions } from '../dsl/types/curve-options.js'
import { curveSetOf } from './curve-set-of.js'
import type { CurveSet, RunSeries } from './curve-set.js'
import { parseGroupCurvesOptions } from './parse-curve-options.js'
import { addRunPoints } from './run-points.js'

/**
 * Groups runs by Run fields and gives, per group and per x bucket, the mean, min, max, standard
 * deviation, standard error and count of a metric: the data of W&B's grouped line plots, offline
 * and pure (`query.curves()` fetches the history and calls the same computation).
 *
 * **Bucketing.** The x range of all series together (rows with a finite x and value) is cut into
 * at most `buckets` equal-width buckets shared by every group. When every x is an integer (steps)
 * the width is `⌈(max − min + 1) / buckets⌉` whole integers and a bucket's `x` is the middle of
 * its integers, so with no more distinct steps than buckets each step is its own bucket at its
 * own `x`; otherwise the width is `(max − min) / buckets` and the last bucket holds `max` too.
 * Each run contributes ONE value per bucket: the mean of its values there, so runs logged at
 * different steps or densities align and a densely logged run weighs no more than a sparse one.
 * Across the group's runs with a value in the bucket: `mean`, `min`, `max`, `std` (population:
 * `√(Σ(v − mean)² / count)`, 0 for one run), `stderr` (`std / √count`) and `count`.
 *
 * **Skipped values.** A row whose value or x is NaN, ±Infinity, not a number or missing is never
 * averaged in; it is counted in its group's `skipped` (so rows that lack the key count: fetch with
 * `keys` to leave them out). Buckets with no value are left out of `points`; a group whose runs
 * have no value at all still appears, with no points.
 *
 * **Groups.** Runs group by their values at the `groupBy` Run paths: a missing value is `null`
 * in `id` and `'(none)'` in the label, arrays group as a whole (`tags`, a set, in any order),
 * objects by value, dates by ISO string; without `groupBy` all runs form one group labelled
 * `'all runs'`. Groups are sorted by label, numbers in labels in numeric order. Bad options
 * throw `FilterCompileError` naming the option (`key`, `x`, `groupBy.1`, `buckets`).
 *
 * @example
 * ```ts
 * const series = [
 *   { run: makeRun({ id: 'a', config: { opt: 'adam' } }), rows: [{ _step: 0, loss: 1 }, { _step: 1, loss: 0.5 }] },
 *   { run: makeRun({ id: 'b', config: { opt: 'adam' } }), rows: [{ _step: 0, loss: 3 }, { _step: 1, loss: NaN }] },
 * ]
 * const set = groupCurves(series, { key: 'loss', groupBy: 'config.opt' })
 * set.groups[0]?.label   // 'adam'
 * set.groups[0]?.points  // [{ x: 0, x0: 0, x1: 1, mean: 2, min: 1, max: 3, std: 1, stderr: 0.707…, count: 2 },
 *                        //  { x: 1, x0: 1, x1: 2, mean: 0.5, min: 0.5, max: 0.5, std: 0, stderr: 0, count: 1 }]
 * set.groups[0]?.skipped // 1
 * ```
 */
export function groupCurves(series: readonly RunSeries[], options: GroupCurvesOptions): CurveSet {
  const parsed = parseGroupCurvesOptions(options)
  const runs = series.map(({ run, rows }) => ({
    run,
    points: addRunPoints({ xs: [], ys: [], skipped: 0 }, rows, parsed.key, parsed.x),
  }))
  return curveSetOf(runs, parsed)
}

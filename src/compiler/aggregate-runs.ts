import type { Run } from '../codecs/run.js'
import { parsePipeline } from '../dsl/parsers/pipeline-parser.js'
import type { Pipeline } from '../dsl/types/pipeline.js'
import { runPipeline } from './run-pipeline.js'

/**
 * Runs a Mongo aggregation pipeline over `Run` objects, offline and pure: the same evaluation
 * `query.aggregate(pipeline)` applies to the runs it fetches, so aggregations are unit-testable
 * like `matches()`. Paths are Run names (`$summary.loss`, `$config.lr`, `$createdAt` is a Date).
 * The pipeline is validated first (a bad one throws `FilterCompileError` naming the path); the
 * runs are never modified and the results are frozen.
 *
 * Semantics are MongoDB's as mingo implements them, with fixes where mingo 7.2 departs from
 * MongoDB: numeric accumulators (`$sum`, `$avg`, `$stdDevPop`/`$stdDevSamp`, `$median`,
 * `$percentile`) ignore non-numbers and NaN; `$min`/`$max` skip null, missing and NaN (stock
 * mingo's answer depended on input order); `$stdDev*` are null without enough numbers;
 * `$median`/`$percentile` sort numerically (mingo sorted as strings), `method: 'approximate'` is the
 * nearest rank (a value of the data) and `'exact'` interpolates linearly between closest ranks;
 * `$bucket` puts a value equal to a boundary in the bucket it opens and omits empty buckets;
 * `$sort` ranks NaN before the other numbers (mingo left NaN keys unsorted; the `sortBy` of
 * `$setWindowFields`, `$top` and `$bottom` is still mingo's);
 * `$match` after the first stage uses the NaN-safe comparisons of filters.
 *
 * @example
 * ```ts
 * const runs = [
 *   makeRun({ id: 'a', config: { optimizer: 'adam' }, summary: { loss: 0.2 } }),
 *   makeRun({ id: 'b', config: { optimizer: 'adam' }, summary: { loss: 0.4 } }),
 *   makeRun({ id: 'c', config: { optimizer: 'sgd' }, summary: { loss: 0.9 } }),
 * ]
 * aggregateRuns(runs, [
 *   { $group: { _id: '$config.optimizer', mean: { $avg: '$summary.loss' }, n: { $count: {} } } },
 *   { $sort: { mean: 1 } },
 * ])
 * // Output: [{ _id: 'adam', mean: 0.3, n: 2 }, { _id: 'sgd', mean: 0.9, n: 1 }]
 * ```
 */
export function aggregateRuns<T = Record<string, unknown>>(runs: readonly Run[], pipeline: Pipeline): T[] {
  return runPipeline<T>(runs, parsePipeline(pipeline))
}

import type { RunPath } from './run-paths.js'
import type { AnyRunSchema, RunSchema } from './run-schema.js'

/**
 * Options of {@link groupCurves}: which metric, along which x key, grouped by which Run fields,
 * in how many x buckets.
 *
 * - `key`: the metric, read from each history row by its literal name first (`eval/loss`,
 *   `train.loss` as logged), else by a dotted walk into nested dicts.
 * - `x`: the x key (default `_step`), read the same way.
 * - `groupBy`: Run paths (`config.optimizer`, `group`, `sweepName`, `tags`, …); none: one group.
 * - `buckets`: the most x buckets (default 100), shared by all groups.
 *
 * @example
 * ```ts
 * const options: GroupCurvesOptions = { key: 'loss', groupBy: ['config.optimizer', 'config.lr'], buckets: 50 }
 * ```
 */
export interface GroupCurvesOptions {
  readonly key: string
  readonly x?: string | undefined
  readonly groupBy?: string | readonly string[] | undefined
  readonly buckets?: number | undefined
}

/**
 * A `groupBy` path: a {@link RunPath} of the schema; untyped queries also take paths known only at
 * run time (CLI flags), validated when `curves()` is called.
 *
 * @internal
 */
type GroupByPath<S extends RunSchema> = RunPath<S> | (AnyRunSchema extends S ? string & {} : never)

/**
 * Options of `query.curves()`: those of {@link GroupCurvesOptions} (with `groupBy` typed by the
 * query's schema), plus where the history comes from and whether to follow running runs.
 *
 * - `source`: `'sampled'` (default) asks the server for about `samples` rows per run
 *   (`run.history({ keys, samples, xAxis })`, one request per run); `'full'` reads every row
 *   (`run.scanHistory({ keys })`, Parquet exports where the server has them).
 * - `samples`: rows per run for `'sampled'` (default 1000).
 * - `live`: keep emitting while runs change (`true`, or `{ intervalMs }`, the runs poll interval,
 *   default 5000).
 *
 * @example
 * ```ts
 * api.runs<{ config: { optimizer: string } }>('team/mnist')
 *   .curves({ key: 'loss', groupBy: 'config.optimizer', source: 'full', live: { intervalMs: 10_000 } })
 * ```
 */
export interface CurveOptions<S extends RunSchema = AnyRunSchema> extends GroupCurvesOptions {
  readonly groupBy?: GroupByPath<S> | readonly GroupByPath<S>[] | undefined
  readonly source?: 'sampled' | 'full' | undefined
  readonly samples?: number | undefined
  readonly live?: boolean | { readonly intervalMs?: number | undefined } | undefined
}

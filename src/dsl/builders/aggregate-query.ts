import type { Observable } from 'rxjs'
import type { CompiledAggregateQuery } from '../../compiler/compiled-aggregate-query.js'
import type { LiveOptions } from '../runs-query-runtime.js'
import type { AnyStage } from '../types/pipeline.js'
import type { RunsQuery } from './runs-query.js'

/**
 * A frozen aggregation over the runs of a query: `api.runs(path).where(...).aggregate(pipeline)`.
 * The pipeline was validated when given; its leading `$match` stages joined the runs query's
 * `where`, so the server filters before anything is fetched. Execution reads the matching runs,
 * keeps only the fields the pipeline reads (when its first stage reshapes), and runs the rest of
 * the pipeline with mingo (see `aggregateRuns` for the semantics).
 *
 * @example
 * ```ts
 * const byOptimizer = api.runs('team/mnist').where({ state: 'finished' }).aggregate<{ _id: string; loss: number }>([
 *   { $group: { _id: '$config.optimizer', loss: { $avg: '$summary.loss' } } },
 *   { $sort: { loss: 1 } },
 * ])
 * await byOptimizer.toArray() // [{ _id: 'adam', loss: 0.21 }, { _id: 'sgd', loss: 0.35 }]
 * byOptimizer.live({ intervalMs: 10_000 }).subscribe((rows) => console.table(rows))
 * ```
 */
export interface AggregateQuery<T = Record<string, unknown>> extends AsyncIterable<T> {
  /** The runs query, with the pipeline's leading `$match` stage(s) merged into its `where`. */
  readonly runs: RunsQuery
  /** The validated, deep-frozen stages left to run on the client. */
  readonly pipeline: readonly AnyStage[]
  /** No I/O: `{ runs: CompiledRunsQuery, pipeline, reads, explain() }`. */
  compile(): CompiledAggregateQuery
  /** Cold: reads every matching run, then emits the result documents in order and completes; unsubscribe aborts. */
  stream(): Observable<T>
  toArray(): Promise<T[]>
  [Symbol.asyncIterator](): AsyncIterableIterator<T>
  /**
   * The whole result, at once and then whenever the matching runs change it (deep equality): built
   * on `runs.live()`. A first stage of `$group`, `$bucket` or `$sortByCount` recomputes only the
   * groups a changed run left or joined; other pipelines recompute once per poll that changed a
   * run. Never completes by itself; errors end it with the typed error.
   */
  live(options?: LiveOptions): Observable<readonly T[]>
}

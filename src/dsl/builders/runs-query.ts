import type { Observable } from 'rxjs'
import type { Run } from '../../codecs/run.js'
import type { CompiledRunsQuery } from '../../compiler/compiled-runs-query.js'
import type { CurveSet } from '../../curves/curve-set.js'
import type { FilterNode } from '../nodes/filter-node.js'
import type { RunsQueryNode } from '../nodes/runs-query-node.js'
import type { LiveEvent, LiveOptions, RunsPage, RunsQueryRuntime } from '../runs-query-runtime.js'
import type { CurveOptions } from '../types/curve-options.js'
import type { Filter } from '../types/filter.js'
import type { Pipeline } from '../types/pipeline.js'
import type { RunPath } from '../types/run-paths.js'
import type { AnyRunSchema, RunSchema } from '../types/run-schema.js'
import type { AggregateQuery } from './aggregate-query.js'
import type { FieldHelpers } from './field-helpers.js'

/**
 * An order key: `'+summary.loss'`, `'-createdAt'`, a bare path (ascending), or `{ field, direction }`.
 *
 * @example
 * ```ts
 * api.runs('team/mnist').orderBy('-summary.eval/acc').compile().variables.order // "-summary_metrics['eval/acc']"
 * api.runs('team/mnist').orderBy({ field: 'config.lr', direction: 'asc' }).compile().variables.order // '+config.lr.value'
 * ```
 */
export type OrderKey<S extends RunSchema = AnyRunSchema> =
  | RunPath<S>
  | `${'+' | '-'}${RunPath<S>}`
  | { readonly field: RunPath<S> | readonly [string, ...string[]]; readonly direction?: 'asc' | 'desc' }
  // Untyped queries also take keys known only at run time (CLI flags); they are validated on parse.
  | (AnyRunSchema extends S ? string & {} : never)

/**
 * What `where()` takes: an object-form filter, or a function of the field helpers.
 *
 * @example
 * ```ts
 * query.where({ 'summary.loss': { $lt: 0.2 } })
 * query.where((f) => f.or(f.state.eq('crashed'), f.tags.contains('retry')))
 * ```
 */
export type WhereInput<S extends RunSchema = AnyRunSchema> =
  Filter<S> | ((f: FieldHelpers<S>) => FilterNode | Filter<S>)

/**
 * An immutable runs query: every method returns a new query, so queries can be shared, stored
 * and extended. `compile()` and `matches()` need no network; the execution methods delegate to
 * the runtime the `Api` attached (`api.runs(path)`).
 *
 * @example
 * ```ts
 * const good = api.runs<{ summary: { loss: number } }>('team/mnist')
 *   .where({ state: 'finished' })
 *   .where((f) => f.summary('loss').lt(0.2))
 *   .orderBy('+summary.loss')
 *   .limit(10)
 * good.compile().variables.filters // '{"state":"finished","summary_metrics.loss":{"$lt":0.2}}'
 * for await (const run of good) console.log(run.name, run.summary.loss)
 * ```
 */
export interface RunsQuery<S extends RunSchema = AnyRunSchema> extends AsyncIterable<Run> {
  /** ANDs a filter (validated now: a bad one throws {@link FilterCompileError}). */
  where(filter: WhereInput<S>): RunsQuery<S>
  /**
   * Sets the sort keys (replacing earlier ones). The server sorts by one key among W&B's documented
   * orders (`createdAt`, `heartbeatAt`, `config.*`, `summary.*`); other keys (`name`, `id`, `state`,
   * `tags`, …) or several keys need `.sortLocally()`, else `compile()` throws `FilterCompileError`.
   */
  orderBy(...keys: readonly OrderKey<S>[]): RunsQuery<S>
  /** Runs per request (1–1000; default 50). */
  perPage(n: number): RunsQuery<S>
  /** Stop after `n` runs (after the client residual). */
  limit(n: number): RunsQuery<S>
  /** Fetch the light fragment: no config, summary or system metrics. */
  lazy(): RunsQuery<S>
  select(fields: 'light' | 'full'): RunsQuery<S>
  /** Resume after a cursor from `pages()`. */
  after(cursor: string | null): RunsQuery<S>
  /**
   * Allows order keys the server cannot sort by (or several keys): the runtime reads every match,
   * at most `maxRuns` (default 10 000, beyond which it fails), sorts on the client, then applies `limit`.
   */
  sortLocally(options?: { readonly maxRuns?: number }): RunsQuery<S>
  /** The frozen node tree this query holds. */
  readonly node: RunsQueryNode
  compile(): CompiledRunsQuery
  /** The whole filter on one run, offline (mingo over the Run). */
  matches(run: Run): boolean
  stream(): Observable<Run>
  pages(): Observable<RunsPage>
  [Symbol.asyncIterator](): AsyncIterableIterator<Run>
  toArray(): Promise<Run[]>
  first(): Promise<Run | undefined>
  count(): Promise<number>
  live(options?: LiveOptions): Observable<LiveEvent>
  /**
   * Grouped curves of a metric over these runs: per group (runs sharing `groupBy` values) and per
   * x bucket, the mean, min, max, std, stderr and count, from sampled (default) or full history;
   * one `CurveSet`, or with `live` a new one whenever it changes. Options are validated now (a
   * bad one throws `FilterCompileError`). See `groupCurves` for the computation.
   *
   * @example
   * ```ts
   * api.runs('team/mnist').where({ state: 'finished' })
   *   .curves({ key: 'loss', groupBy: 'config.optimizer' })
   *   .subscribe((set) => set.groups.forEach((g) => console.log(g.label, g.points.length)))
   * ```
   */
  curves(options: CurveOptions<S>): Observable<CurveSet>
  /**
   * A Mongo aggregation pipeline over the matching runs (validated now; leading `$match` stages
   * join this query's `where`). Paths are Run names, checked against `S` when typed.
   */
  aggregate<T = Record<string, unknown>>(pipeline: Pipeline<S>): AggregateQuery<T>
}

/**
 * Options of {@link createRunsQuery}.
 *
 * @example
 * ```ts
 * createRunsQuery({ entity: 'team', project: 'mnist', runtime, extraFilter: { sweepName: 'abc123' } })
 * ```
 */
export interface RunsQueryInit {
  readonly entity?: string | undefined
  readonly project: string
  readonly runtime?: RunsQueryRuntime | undefined
  /** A filter every query from this root carries (e.g. `{ sweepName: 'abc' }` for `sweep.runs()`). */
  readonly extraFilter?: Filter | undefined
}

export { createRunsQuery } from './create-runs-query.js'

import type { Observable } from 'rxjs'
import type { Run } from '../codecs/run.js'
import type { CompiledRunsQuery } from '../compiler/compiled-runs-query.js'
import type { CurveSet } from '../curves/curve-set.js'
import type { CurveOptions } from './types/curve-options.js'

/**
 * One page of runs as the server returned it, after the residual filter; resume with
 * `query.after(page.cursor)`.
 *
 * @example
 * ```ts
 * api.runs('team/mnist').pages().subscribe((page) => console.log(page.runs.length, page.cursor, page.hasNextPage))
 * // 50 'YXJyYXk6NDk=' true
 * ```
 */
export interface RunsPage {
  readonly runs: readonly Run[]
  /** The cursor to resume after this page (the last edge's cursor), or null. */
  readonly cursor: string | null
  readonly hasNextPage: boolean
}

/**
 * Options of `query.live()`: how often to poll.
 *
 * @example
 * ```ts
 * api.runs('team/mnist').where({ state: 'running' }).live({ intervalMs: 10_000 })
 * ```
 */
export interface LiveOptions {
  readonly intervalMs?: number
}

/**
 * What `query.live()` emits: the first full snapshot, then one event per run added, changed or
 * removed from the result.
 *
 * @example
 * ```ts
 * query.live({ intervalMs: 5000 }).subscribe((e) => console.log(e.type))
 * // Output: 'snapshot', then e.g. 'changed', 'added'
 * ```
 */
export type LiveEvent =
  | { readonly type: 'snapshot'; readonly runs: readonly Run[] }
  | { readonly type: 'added' | 'changed' | 'removed'; readonly run: Run }

/**
 * What executes a compiled runs query: implemented by the `Api` layer and handed to the builder.
 * The builder only compiles; every method here receives a frozen {@link CompiledRunsQuery} and
 * must apply its `residual` (via `testResidual`), `limit` and `clientSort`.
 *
 * @example
 * ```ts
 * const query = createRunsQuery({ project: 'mnist', runtime: api.runsRuntime })
 * query.where({ state: 'finished' }).stream() // runtime.stream(query.compile())
 * ```
 */
export interface RunsQueryRuntime {
  stream(query: CompiledRunsQuery): Observable<Run>
  pages(query: CompiledRunsQuery): Observable<RunsPage>
  iterate(query: CompiledRunsQuery): AsyncIterableIterator<Run>
  count(query: CompiledRunsQuery): Promise<number>
  live(query: CompiledRunsQuery, options: LiveOptions): Observable<LiveEvent>
  /** Grouped curves of a metric over the query's runs (`query.curves()`). */
  curves(query: CompiledRunsQuery, options: CurveOptions): Observable<CurveSet>
}

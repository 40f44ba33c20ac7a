import type { AnyStage } from '../dsl/types/pipeline.js'
import { runPipeline } from '../compiler/run-pipeline.js'

/**
 * The current documents of a live aggregation and its result. Documents keep their first
 * position: a changed run stays where it was, an added one goes last, so incremental and full
 * recomputation see the same input order.
 *
 * @internal
 */
export interface AggregateState<T> {
  reset(docs: Iterable<readonly [string, object]>): void
  upsert(key: string, doc: object): void
  remove(key: string): void
  result(): T[]
}

/**
 * The state of a live aggregation over keyed documents (runs by path).
 *
 * @example
 * ```ts
 * const state = createAggregateState(pipeline)
 * state.reset(runs.map((run) => [run.path, run]))
 * state.upsert(changed.path, changed)
 * state.result()
 * ```
 * @internal
 */
export function createAggregateState<T>(pipeline: readonly AnyStage[]): AggregateState<T> {
  const docs = new Map<string, object>()
  return {
    reset(entries) {
      docs.clear()
      for (const [key, doc] of entries) docs.set(key, doc)
    },
    upsert: (key, doc) => void docs.set(key, doc),
    remove: (key) => void docs.delete(key),
    result: () => runPipeline<T>([...docs.values()], pipeline),
  }
}

import { runPipeline } from '../compiler/run-pipeline.js'
import type { AnyStage } from '../dsl/types/pipeline.js'
import { groupPartition } from './group-partition.js'
import { groupedState } from './grouped-state.js'

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
  /** The pipeline's result over the current documents. */
  result(): readonly T[]
}

/** Recomputes the whole pipeline over the current documents. */
function wholeState<T>(pipeline: readonly AnyStage[]): AggregateState<T> {
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

/**
 * The state of a live aggregation over keyed documents (runs by path). When the first stage
 * groups (`$group`, `$bucket`, `$sortByCount`), a result recomputes only the groups a changed
 * document left or joined, then runs the remaining stages over the group results; otherwise it
 * recomputes the whole pipeline. Either way the result equals `runPipeline` over the current
 * documents in position order.
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
  const partition = groupPartition(pipeline)
  return partition ? groupedState<T>(partition) : wholeState<T>(pipeline)
}

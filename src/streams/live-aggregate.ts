import { defer, distinctUntilChanged, map, type Observable } from 'rxjs'
import type { CompiledAggregateQuery } from '../compiler/compiled-aggregate-query.js'
import { pickFields } from '../compiler/pick-fields.js'
import type { LiveEvent } from '../dsl/runs-query-runtime.js'
import { createAggregateState } from './aggregate-state.js'
import { pollBatches } from './poll-batches.js'
import { sameJson } from './same-json.js'

/**
 * A live aggregation: the pipeline's whole result, first from the `snapshot`, then after each
 * poll whose `added` / `changed` / `removed` events change it (deep equality; an unchanged poll
 * emits nothing). The events of one poll arrive together and are applied as one batch, so a poll
 * that changes three runs emits at most once. Recomputation is incremental where the first stage
 * allows it (see {@link createAggregateState}). Never completes by itself; errors end it typed.
 *
 * @example
 * ```ts
 * liveAggregate(query.runs.live({ intervalMs: 5000 }), query.compile()).subscribe((rows) => console.table(rows))
 * ```
 */
export function liveAggregate<T>(
  events: Observable<LiveEvent>,
  compiled: CompiledAggregateQuery,
): Observable<readonly T[]> {
  return defer(() => {
    const state = createAggregateState<T>(compiled.pipeline)
    return events.pipe(
      pollBatches(),
      map((batch) => {
        for (const event of batch)
          if (event.type === 'snapshot')
            state.reset(event.runs.map((run) => [run.path, pickFields(run, compiled.reads)]))
          else if (event.type === 'removed') state.remove(event.run.path)
          else state.upsert(event.run.path, pickFields(event.run, compiled.reads))
        return Object.freeze(state.result())
      }),
      distinctUntilChanged<readonly T[]>(sameJson),
    )
  })
}

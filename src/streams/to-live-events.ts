import { defer, mergeMap, type OperatorFunction } from 'rxjs'
import type { Run } from '../codecs/run.js'
import { diffRuns } from './diff-runs.js'
import type { LiveEvent } from '../dsl/runs-query-runtime.js'

/**
 * Turns successive complete listings into live events: a `snapshot` for the first, then the
 * differences between each listing and the one before (state kept per subscription).
 *
 * @example
 * ```ts
 * polls$.pipe(toLiveEvents()) // snapshot, added, changed, removed, …
 * ```
 */
export function toLiveEvents(): OperatorFunction<readonly Run[], LiveEvent> {
  return (source) =>
    defer(() => {
      let previous: ReadonlyMap<string, Run> | undefined
      return source.pipe(
        mergeMap((runs): LiveEvent[] => {
          const events: LiveEvent[] = previous ? diffRuns(previous, runs) : [{ type: 'snapshot', runs }]
          previous = new Map(runs.map((run) => [run.path, run]))
          return events
        }),
      )
    })
}

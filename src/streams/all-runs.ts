import type { Observable } from 'rxjs'
import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { fromAbortable } from './from-abortable.js'
import { runsPages } from './runs-pages.js'
import type { RunsQueryShape } from './runs-query-shape.js'

/**
 * Every run a query matches (all pages, residual and limit applied), emitted as one array once
 * the last page is in: one listing of a live poll or of `query.curves()`.
 *
 * @example
 * ```ts
 * allRuns(ctx, api.runs('team/mnist').where({ state: 'running' }).compile()).subscribe((runs) => runs.length)
 * ```
 */
export function allRuns(ctx: ApiContext, query: RunsQueryShape): Observable<readonly Run[]> {
  return fromAbortable(async function* (signal) {
    const runs: Run[] = []
    for await (const page of runsPages(ctx, query, signal)) runs.push(...page.runs)
    yield runs
  })
}

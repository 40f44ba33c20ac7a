import { concatMap, defer, distinctUntilChanged, mergeMap, type Observable } from 'rxjs'
import type { CurveSet } from '../curves/curve-set.js'
import { parseCurveOptions } from '../curves/parse-curve-options.js'
import type { CurveOptions } from '../dsl/types/curve-options.js'
import type { ApiContext } from '../internal/api-context.js'
import { allRuns } from './all-runs.js'
import { curvesState } from './curves-state.js'
import { liveRuns } from './live-runs.js'
import { pollBatches } from './poll-batches.js'
import type { RunsQueryShape } from './runs-query-shape.js'
import { sameJson } from './same-json.js'

/**
 * `query.curves()`: grouped curves of a metric over the runs of a query (see `groupCurves` for
 * the bucketing and statistics).
 *
 * Without `live`: lists the runs, reads every run's history (`'sampled'`: one request per run;
 * `'full'`: `scanHistory`, 8 runs at a time), concurrently through the `Api`'s shared request
 * slots, emits one `CurveSet` and completes. With `live`: follows `query.live()`'s events; each
 * poll's batch rereads only the runs added or changed (for `'full'`, only their new rows from
 * the last step read + 1), drops removed runs, and emits the whole set when it differs from the
 * last one emitted (the first set at once). Unsubscribing aborts the requests in flight.
 *
 * @example
 * ```ts
 * runCurves(ctx, api.runs('team/mnist').compile(), { key: 'loss', groupBy: 'config.optimizer', live: true })
 *   .subscribe((set) => draw(set.groups))
 * ```
 */
export function runCurves(
  ctx: ApiContext,
  query: RunsQueryShape,
  options: CurveOptions,
): Observable<CurveSet> {
  const parsed = parseCurveOptions(options)
  return defer((): Observable<CurveSet> => {
    const { apply } = curvesState(ctx, parsed)
    if (parsed.liveIntervalMs === undefined) {
      return allRuns(ctx, query).pipe(mergeMap((runs) => apply([{ type: 'snapshot', runs }])))
    }
    return liveRuns(ctx, query, { intervalMs: parsed.liveIntervalMs }).pipe(
      pollBatches(),
      concatMap(apply),
      distinctUntilChanged<CurveSet>(sameJson),
    )
  })
}

import {
  buffer,
  catchError,
  concatMap,
  connect,
  debounceTime,
  defer,
  distinctUntilChanged,
  EMPTY,
  last,
  map,
  merge,
  mergeMap,
  of,
  tap,
  throwError,
  type Observable,
} from 'rxjs'
import type { Run } from '../codecs/run.js'
import { curveSetOf, type RunCurve } from '../curves/curve-set-of.js'
import type { CurveSet } from '../curves/curve-set.js'
import { parseCurveOptions, type ParsedCurveOptions } from '../curves/parse-curve-options.js'
import type { CurveOptions } from '../dsl/types/curve-options.js'
import type { LiveEvent } from '../dsl/runs-query-runtime.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { allRuns } from './all-runs.js'
import { liveRuns } from './live-runs.js'
import { runCurvePoints } from './run-curve-points.js'
import type { RunsQueryShape } from './runs-query-shape.js'
import { sameJson } from './same-json.js'

/** Runs whose full histories are scanned at once (their requests share the Api's slots). */
const FULL_RUN_CONCURRENCY = 8

interface Entry {
  curve: RunCurve
  /** The last `_step` read (−1: none yet), where a `'full'` tail read starts after. */
  lastStep: number
}

/**
 * The per-subscription state of `query.curves()`: each run's points, by path, in listing order.
 * A batch of live events refetches what changed (whole sampled histories; for `'full'`, only the
 * rows after the last step read), drops removed runs, then the set is recomputed.
 */
function curvesState(ctx: ApiContext, options: ParsedCurveOptions) {
  const entries = new Map<string, Entry>()
  const load = (run: Run): Observable<unknown> => {
    const known = entries.get(run.path)
    const entry: Entry = known ?? { curve: { run, points: { xs: [], ys: [], skipped: 0 } }, lastStep: -1 }
    entries.set(run.path, entry)
    const tail = options.source === 'full'
    return runCurvePoints(ctx, run, options, tail ? entry.lastStep + 1 : 0).pipe(
      tap(({ points, lastStep }) => {
        const kept = tail && entry.lastStep >= 0 ? entry.curve.points : undefined
        if (kept) {
          for (let i = 0; i < points.xs.length; i++) {
            kept.xs.push(points.xs[i] as number)
            kept.ys.push(points.ys[i] as number)
          }
          kept.skipped += points.skipped
        }
        entry.curve = { run, points: kept ?? points }
        entry.lastStep = Math.max(entry.lastStep, lastStep)
      }),
      // Deleted between the listing and the history read: the next poll reports it removed.
      catchError((error: unknown) => (error instanceof NotFoundError ? EMPTY : throwError(() => error))),
    )
  }
  const apply = (events: readonly LiveEvent[]): Observable<CurveSet> => {
    const loads: Observable<unknown>[] = []
    for (const event of events) {
      if (event.type === 'snapshot') loads.push(...event.runs.map(load))
      else if (event.type === 'removed') entries.delete(event.run.path)
      else loads.push(load(event.run))
    }
    const concurrency = options.source === 'full' ? FULL_RUN_CONCURRENCY : Infinity
    return merge(of(null), merge(...loads, concurrency)).pipe(
      last(),
      map(() =>
        curveSetOf(
          [...entries.values()].map((e) => e.curve),
          options,
        ),
      ),
    )
  }
  return { apply }
}

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
      // One poll's events arrive together: treat them as one batch, so one poll emits once.
      connect((events) => events.pipe(buffer(events.pipe(debounceTime(0))))),
      concatMap(apply),
      distinctUntilChanged<CurveSet>(sameJson),
    )
  })
}

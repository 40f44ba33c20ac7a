import { catchError, EMPTY, last, map, merge, of, tap, throwError, type Observable } from 'rxjs'
import type { Run } from '../codecs/run.js'
import { curveSetOf, type RunCurve } from '../curves/curve-set-of.js'
import type { CurveSet } from '../curves/curve-set.js'
import type { ParsedCurveOptions } from '../curves/parse-curve-options.js'
import type { LiveEvent } from '../dsl/runs-query-runtime.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { runCurvePoints } from './run-curve-points.js'

/** Runs whose full histories are scanned at once (their requests share the Api's slots). */
const FULL_RUN_CONCURRENCY = 8

interface Entry {
  curve: RunCurve
  /** The last `_step` read (−1: none yet), where a `'full'` tail read starts after. */
  lastStep: number
}

/**
 * The per-subscription state of `query.curves()`: each run's points, by path, in listing order.
 * `apply(events)` takes one batch of live events (or the one snapshot of a non-live call),
 * rereads what changed (whole sampled histories; for `'full'`, only the rows after the last step
 * read), drops removed runs, and emits the recomputed set once the reads are done.
 *
 * @example
 * ```ts
 * const { apply } = curvesState(ctx, parseCurveOptions({ key: 'loss', source: 'full' }))
 * apply([{ type: 'snapshot', runs }]).subscribe((set) => draw(set))
 * ```
 *
 * @internal
 */
export function curvesState(
  ctx: ApiContext,
  options: ParsedCurveOptions,
): { apply(events: readonly LiveEvent[]): Observable<CurveSet> } {
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

import { map, reduce, type Observable } from 'rxjs'
import type { Run } from '../codecs/run.js'
import type { ParsedCurveOptions } from '../curves/parse-curve-options.js'
import { addRunPoints, type RunPoints } from '../curves/run-points.js'
import type { ApiContext } from '../internal/api-context.js'
import { history } from './history.js'
import { inSlot } from './in-slot.js'
import { scanHistory } from './scan-history.js'

/** A run's points read from `minStep` on, and the last `_step` read (−1: none). @internal */
export interface FetchedPoints {
  readonly points: RunPoints
  lastStep: number
}

/**
 * Reads the metric and x of one run for `query.curves()`, folded into points as rows arrive.
 * `'sampled'`: one `sampledHistory` request (`run.history({ keys: [key], samples, xAxis: x })`)
 * in one of the `Api`'s request slots. `'full'`: `scanHistory({ keys: [key, x], minStep })`,
 * whose windows or Parquet reads take the same slots.
 *
 * @example
 * ```ts
 * runCurvePoints(ctx, run, parseCurveOptions({ key: 'loss', source: 'full' }), 1200) // rows from step 1200
 * ```
 */
export function runCurvePoints(
  ctx: ApiContext,
  run: Run,
  options: ParsedCurveOptions,
  minStep = 0,
): Observable<FetchedPoints> {
  const { key, x } = options
  const path = { entity: run.entity, project: run.project, id: run.id }
  const empty = (): FetchedPoints => ({ points: { xs: [], ys: [], skipped: 0 }, lastStep: minStep - 1 })
  if (options.source === 'sampled')
    return inSlot(
      ctx.http.slots,
      history(ctx, path, { keys: [key], samples: options.samples, xAxis: x }),
    ).pipe(
      map((rows) => ({
        points: addRunPoints(empty().points, rows, key, x),
        lastStep: rows.reduce((last, row) => Math.max(last, row._step), -1),
      })),
    )
  return scanHistory(ctx, path, { keys: [...new Set([key, x])], minStep }).pipe(
    reduce((acc, row) => {
      addRunPoints(acc.points, [row], key, x)
      if (row._step > acc.lastStep) acc.lastStep = row._step
      return acc
    }, empty()),
  )
}

import { map, mergeMap, type OperatorFunction } from 'rxjs'
import { parseRunPath, type RunPath } from '../api/run-path.js'
import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { scanHistory, type ScanHistoryOptions } from './scan-history.js'
import { Semaphore } from './semaphore.js'

/**
 * A history row tagged with the id of its run (Python's `run_id` column of `runs.histories()`).
 *
 * @example
 * ```ts
 * const row: TaggedHistoryRow = { _run: '1a2b3c', _step: 41, loss: 0.12 }
 * ```
 */
export type TaggedHistoryRow = HistoryRow & { readonly _run: string }

/**
 * Options of {@link scanHistoryOf}: those of `scanHistory`, with `concurrency` shared by all runs.
 *
 * @example
 * ```ts
 * const options: ScanHistoryOfOptions = { keys: ['loss'], concurrency: 8, runConcurrency: 4 }
 * ```
 */
export interface ScanHistoryOfOptions extends Omit<ScanHistoryOptions, 'slots'> {
  /** Window requests in flight across **all** runs together. Default: the `Api`'s adaptive limit. */
  readonly concurrency?: number | undefined
  /** Runs scanned at the same time. Default: `concurrency`, or 4 when it adapts. */
  readonly runConcurrency?: number | undefined
}

/**
 * An operator that scans the full history of every run it receives (`Run`s from
 * `query.stream()`, or run paths) and emits each row tagged with `_run`, the run's short id.
 * A leading underscore is W&B's reserved namespace (`_step`, `_runtime`), so the tag never
 * collides with a logged key. The row objects are fresh per request and tagged in place.
 *
 * One request-slot pool is shared by all runs (the `Api`'s adaptive one, or one of size
 * `concurrency`), so a project-wide export stays bounded however many runs there are (no storm
 * of 429s). Within
 * a run rows come in `_step` order; rows of runs scanned at the same time interleave.
 *
 * @example
 * ```ts
 * api.runs('team/mnist').where({ state: 'finished' }).stream()
 *   .pipe(scanHistoryOf(api, { keys: ['loss'], concurrency: 8 }))
 *   .subscribe((row) => console.log(row._run, row._step, row.loss))
 * ```
 */
export function scanHistoryOf(
  source: ApiContext | { readonly context: ApiContext },
  options: ScanHistoryOfOptions = {},
): OperatorFunction<Run | RunPath | string, TaggedHistoryRow> {
  const ctx = 'context' in source ? source.context : source
  const { concurrency, runConcurrency = concurrency ?? 4, ...scan } = options
  const slots = concurrency === undefined ? ctx.http.slots : new Semaphore(concurrency)
  return mergeMap((run) => {
    const path =
      typeof run === 'string'
        ? parseRunPath(run)
        : 'path' in run && typeof run.path === 'string'
          ? parseRunPath(run.path)
          : (run as RunPath)
    return scanHistory(ctx, path, { ...scan, slots }).pipe(
      map((row) => {
        ;(row as { _run?: string })._run = path.id
        return row as TaggedHistoryRow
      }),
    )
  }, runConcurrency)
}

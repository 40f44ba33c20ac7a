import {
  concat,
  defer,
  filter,
  finalize,
  from,
  map,
  mergeMap,
  switchMap,
  tap,
  throwError,
  type Observable,
} from 'rxjs'
import type { RunPath } from '../api/run-path.js'
import type { HistoryRow } from '../codecs/history-row-codec.js'
import { columnOf } from '../codecs/parquet-row-codec.js'
import { ParquetHistoryError } from '../errors/parquet-history-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { AbortScope } from './abort-scope.js'
import { abortable } from './abortable.js'
import { historyWindow } from './history-window.js'
import { liveWindows } from './live-windows.js'
import { openExportFile } from './parquet-export-file.js'
import { parquetExports, type ParquetExports } from './parquet-history-query.js'
import { columnsToRead, readBatch } from './parquet-read-batch.js'
import { planReads, prefetch } from './parquet-prefetch.js'
import { planRowGroups } from './parquet-row-groups.js'
import { orderedConcurrent, orderedConcurrentParts } from './ordered-concurrent.js'
import { resolveRun, runPathString, type ResolvedRun } from './resolved-run.js'
import type { RequestSlots } from '../transport/request-slots.js'
import { SignedUrls } from './signed-urls.js'

/**
 * Where a full-history scan reads: `'auto'` (Parquet exports when the server has them, else
 * GraphQL windows), `'parquet'` (exports only; a server without them is an error) or `'graphql'`.
 *
 * @example
 * ```ts
 * api.run(path).scanHistory({ source: 'graphql' satisfies HistorySource })
 * ```
 */
export type HistorySource = 'auto' | 'parquet' | 'graphql'

/** The settled options of a scan, as `scanHistory` passes them. @internal */
export interface ParquetScan {
  readonly keys: readonly string[] | undefined
  readonly minStep: number
  readonly maxStep: number
  readonly pageSize: number
  readonly slots: RequestSlots
  readonly source: 'auto' | 'parquet'
}

/**
 * A full-history scan through the run's Parquet exports (PROTOCOL.md §13), as wandb 0.30 reads
 * it: `parquetHistory(liveKeys: ["_step"])`, then the files' rows below the lowest live step
 * (bytes fetched as many reads ahead as `slots` holds, rows decoded batch by batch in `_step`
 * order), then the live rows through GraphQL `history` windows holding live steps. Falls back to `graphql()` when the server
 * lacks the field or (with `'auto'`) exported nothing. Emitted steps are strictly ascending.
 *
 * @example
 * ```ts
 * parquetHistory(ctx, path, scan, () => graphqlScan()).subscribe((row) => console.log(row._step))
 * ```
 */
export function parquetHistory(
  ctx: ApiContext,
  path: RunPath | ResolvedRun,
  scan: ParquetScan,
  graphql: () => Observable<HistoryRow>,
): Observable<HistoryRow> {
  return abortable(async (signal) => {
    const run = await resolveRun(ctx, path)
    return { run, found: await parquetExports(ctx, run, signal) }
  }).pipe(
    switchMap(({ run, found }) => {
      if (found === undefined && scan.source === 'parquet') {
        const message = `the server has no parquetHistory, so ${runPathString(run)} has no Parquet exports to read`
        return throwError(() => new ParquetHistoryError('unsupported', message))
      }
      if (found === undefined || (found.urls.length === 0 && scan.source === 'auto')) return graphql()
      ctx.http.stats.parquetScans++
      const ascending = strictlyAscending()
      return concat(exportedRows(ctx, run, found, scan), liveRows(ctx, run, found.live, scan)).pipe(
        map(ascending),
        filter((rows) => rows.length > 0),
        tap((rows) => (ctx.http.stats.rows += rows.length)),
        mergeMap((rows) => rows),
      )
    }),
  )
}

/** The files' rows in `[minStep, min(maxStep, lowest live step))`, one row-group batch at a time. */
function exportedRows(
  ctx: ApiContext,
  run: ResolvedRun,
  found: ParquetExports,
  scan: ParquetScan,
): Observable<readonly HistoryRow[]> {
  const stop = Math.min(scan.maxStep, found.live[0] ?? Infinity)
  if (found.urls.length === 0 || stop <= scan.minStep) return from([])
  const { keys, slots } = scan
  // Full scans keep whole files in the cache; keyed scans read only their columns' ranges.
  const cache = keys === undefined ? ctx.historyCache : undefined
  return defer(() => {
    const scope = new AbortScope()
    const fresh = () => scope.run(async (signal) => (await parquetExports(ctx, run, signal))?.urls ?? [])
    const urls = new SignedUrls(found.urls, fresh)
    // No signal for the queue: after an abort, queued opens start and fail at once in the scope.
    const opening = Promise.all(
      urls.paths().map((path) => slots.use(() => openExportFile(ctx, urls, path, cache, scope))),
    )
    return from(opening).pipe(
      switchMap((opened) => {
        const files = opened.filter(
          (file) => keys === undefined || keys.every((k) => columnOf(k, file.columns) !== undefined),
        )
        const batches = planRowGroups(
          files.map((file) => file.metadata),
          scan.minStep,
          stop,
        )
        // Bytes are fetched ahead (as many reads as `slots` allows); rows are decoded in turn,
        // one row-group batch at a time, just before they are emitted: decoded rows never wait
        // in memory, and a read's rows die before the next batch is decoded (decoding a whole
        // read of five batches first kept ~3 MB alive through each scavenge: GC was 35% of a scan).
        const reads = planReads(files, batches, (file) => columnsToRead(keys, file.columns))
        return orderedConcurrentParts(
          reads,
          async (read, signal) => {
            const bytes = await slots.use(() => prefetch(files, read), signal)
            return (async function* () {
              for (const batch of read.batches) {
                if (signal.aborted) throw signal.reason
                yield await readBatch(bytes, batch, keys)
              }
            })()
          },
          scan.slots.size,
        )
      }),
      map((rows) => rows.filter((row) => row._step >= scan.minStep && row._step < stop)),
      finalize(() => scope.abort()),
    )
  })
}

/** The live rows (steps from the lowest live one, below `maxStep`) through GraphQL `history`. */
function liveRows(
  ctx: ApiContext,
  run: ResolvedRun,
  live: readonly number[],
  scan: ParquetScan,
): Observable<readonly HistoryRow[]> {
  const { keys, slots } = scan
  return orderedConcurrent(
    liveWindows(live, scan.minStep, scan.maxStep, scan.pageSize),
    (window, signal) => slots.use(() => historyWindow(ctx, run, window, keys, signal), signal),
    scan.slots.size,
  )
}

/**
 * Drops every row whose step is not above the last one kept. Exported and live rows never share
 * a step by contract; this keeps the output strictly ascending if a server slips.
 */
function strictlyAscending(): (rows: readonly HistoryRow[]) => readonly HistoryRow[] {
  let last = -Infinity
  return (rows) =>
    rows.filter((row) => {
      if (row._step <= last) return false
      last = row._step
      return true
    })
}

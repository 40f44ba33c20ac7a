import { mergeMap, tap, type Observable } from 'rxjs'
import type { RunPath } from '../api/run-path.js'
import { EventsResponse, HistoryResponse, SampledHistoryResponse } from '../codecs/history-response-codec.js'
import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import { abortable } from './abortable.js'
import { EVENTS_QUERY, HISTORY_QUERY, SAMPLED_HISTORY_QUERY } from './history-queries.js'
import { historyTail } from './history-tail.js'
import { queryRun } from './query-run.js'
import { resolveRun, type ResolvedRun } from './resolved-run.js'

/**
 * A system-metrics row (`stream: 'system'`): `system.*` keys, `_timestamp`, `_runtime`, `_wandb`.
 *
 * @example
 * ```ts
 * const row: SystemMetricsRow = { 'system.cpu': 12.5, _timestamp: 1714560000.1, _runtime: 30, _wandb: true }
 * ```
 */
export type SystemMetricsRow = Readonly<Record<string, unknown>>

/**
 * Options of {@link history}, named as in Python's `run.history`.
 *
 * @example
 * ```ts
 * const sampled: HistoryOptions = { keys: ['loss', 'acc'], samples: 200, xAxis: '_runtime' }
 * const newest: HistoryOptions = { tail: 10 }
 * ```
 */
export interface HistoryOptions {
  /** How many rows the server samples down to. Default 500. Ignored with `tail`. */
  readonly samples?: number | undefined
  /** Only rows holding every key, with just these keys (plus `xAxis` and `_step`). */
  readonly keys?: readonly string[] | undefined
  /** The x-axis key sampled along with `keys`. Default `_step`. */
  readonly xAxis?: string | undefined
  /** `default`: logged metrics; `system`: system metrics (not combinable with `keys` or `tail`). */
  readonly stream?: 'default' | 'system' | undefined
  /** Exactly the last `n` rows, unsampled (reads `lastStep`, then step windows). */
  readonly tail?: number | undefined
}

/**
 * A run's history, **SAMPLED**: the server returns about `samples` (default 500) rows spread over
 * the run, not every row, and which rows it picks may change between calls. This is Python's
 * `run.history()`: fine for a quick plot, wrong for anything that needs every step. For every row
 * use {@link scanHistory}; for the newest rows use `tail: n` (exact).
 *
 * With `keys`, it asks `sampledHistory` for rows holding all the keys; without, `history(samples)`
 * (or `events(samples)` for `stream: 'system'`). See PROTOCOL.md §5.
 *
 * @example
 * ```ts
 * api.run('team/mnist/1a2b3c').history({ keys: ['loss'], samples: 200 }).subscribe(plotPoint) // ~200 of N rows
 * api.run('team/mnist/1a2b3c').history({ tail: 5 })                                          // exactly the last 5
 * ```
 */
export function history(
  ctx: ApiContext,
  path: RunPath | ResolvedRun,
  options?: HistoryOptions & { readonly stream?: 'default' | undefined },
): Observable<HistoryRow>
export function history(
  ctx: ApiContext,
  path: RunPath | ResolvedRun,
  options: HistoryOptions & { readonly stream: 'system' },
): Observable<SystemMetricsRow>
export function history(
  ctx: ApiContext,
  path: RunPath | ResolvedRun,
  options: HistoryOptions = {},
): Observable<HistoryRow | SystemMetricsRow> {
  const { samples = 500, keys, xAxis = '_step', stream = 'default', tail } = options
  const system = stream === 'system'
  if (system && (keys !== undefined || tail !== undefined))
    throw new TypeError("history: stream: 'system' cannot be combined with keys or tail")
  if (!Number.isInteger(samples) || samples < 1)
    throw new RangeError(`samples must be an integer ≥ 1, got ${samples}`)
  if (tail !== undefined && (!Number.isInteger(tail) || tail < 0))
    throw new RangeError(`tail must be an integer ≥ 0, got ${tail}`)
  const stats = ctx.http.stats
  return abortable(async (signal): Promise<readonly (HistoryRow | SystemMetricsRow)[]> => {
    const run = await resolveRun(ctx, path)
    if (tail !== undefined) return tail === 0 ? [] : historyTail(ctx, run, tail, keys, signal)
    if (system)
      return (
        (await queryRun(ctx, run, EVENTS_QUERY, { samples }, EventsResponse, 'RunEvents', signal)).events ??
        []
      )
    if (keys === undefined)
      return (await queryRun(ctx, run, HISTORY_QUERY, { samples }, HistoryResponse, 'RunHistory', signal))
        .history
    const spec = JSON.stringify({ keys: [...new Set([xAxis, '_step', ...keys])], samples })
    const found = await queryRun(
      ctx,
      run,
      SAMPLED_HISTORY_QUERY,
      { specs: [spec] },
      SampledHistoryResponse,
      'RunSampledHistory',
      signal,
    )
    return found.sampledHistory?.[0] ?? []
  }).pipe(
    tap((rows) => (stats.rows += rows.length)),
    mergeMap((rows) => rows),
  )
}

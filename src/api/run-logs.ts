import { mergeMap, type Observable } from 'rxjs'
import { RunLogLinesResponse, toLogLine, type LogLine } from '../codecs/log-line-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import { cursorPages, type CursorPage } from '../streams/cursor-pages.js'
import { fromAbortable } from '../streams/from-abortable.js'
import { queryRun } from '../streams/query-run.js'
import { resolveRun } from '../streams/resolved-run.js'
import type { RunPath } from './run-path.js'

/** Options of {@link runLogs}. */
export interface RunLogsOptions {
  /** Only the last `tail` lines (one request, `logLines(last: N)`). */
  readonly tail?: number
  /** Lines per request when reading from the start. Default 1000, as in Python. */
  readonly perPage?: number
}

const LOG_LINES_QUERY = `query RunLogLines($project: String!, $entity: String!, $name: String!, $first: Int, $after: String, $last: Int) {
  project(name: $project, entityName: $entity) { run(name: $name) { logLineCount
    logLines(first: $first, after: $after, last: $last, useImprovedPagination: true) {
      edges { node { number timestamp level label line } } pageInfo { endCursor hasNextPage } } } }
}`

/**
 * W&B can end a page early with `hasNextPage: false` in the middle of the log (a per-request size
 * budget); wandb-core then reads on while the last line is not the log's last
 * (`core/internal/wbapi/runhandler.go`), and so do we. Bounded: only while the line number
 * advanced on this page and `logLineCount` says more lines exist; a cursor that stops moving ends
 * the walk too (`cursorPages`).
 */
const moreLines = (run: { readonly logLineCount?: number | null }, last: number, previous: number): boolean =>
  last > previous && last + 1 < (run.logLineCount ?? 0)

/**
 * A run's console output (`output.log`) line by line, in order (Python `run.logs()` /
 * `console_logs`). From the start it pages forward `perPage` lines at a time, one page
 * prefetched; with `tail: n` it asks once for the last `n` lines. Lazy and cancellable; a missing
 * run is a `NotFoundError`.
 *
 * @example
 * ```ts
 * api.run('team/mnist/1a2b3c').logs({ tail: 20 }).subscribe((l) => console.log(l.level === 'error' ? '!' : ' ', l.line))
 * // sent: run { logLines(last: 20) { edges { node { number timestamp level label line } } } }
 * ```
 */
export function runLogs(ctx: ApiContext, path: RunPath, options: RunLogsOptions = {}): Observable<LogLine> {
  const { tail, perPage = 1000 } = options
  if (tail !== undefined && (!Number.isInteger(tail) || tail < 0)) {
    throw new RangeError(`tail must be an integer ≥ 0, got ${tail}`)
  }
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be an integer ≥ 1, got ${perPage}`)
  return fromAbortable(async function* (signal) {
    const run = await resolveRun(ctx, path)
    let position = 0
    let lastNumber = -1
    const load = async (cursor: string | null, s: AbortSignal): Promise<CursorPage<LogLine>> => {
      const variables = tail === undefined ? { first: perPage, after: cursor } : { last: tail }
      const found = await queryRun(
        ctx,
        run,
        LOG_LINES_QUERY,
        variables,
        RunLogLinesResponse,
        'RunLogLines',
        s,
      )
      const edges = found.logLines?.edges ?? []
      const items = edges.map((e) => toLogLine(e.node, position++))
      const previous = lastNumber
      lastNumber = items[items.length - 1]?.number ?? lastNumber
      const pageInfo = found.logLines?.pageInfo
      return {
        items,
        cursor: pageInfo?.endCursor ?? cursor,
        hasNextPage:
          tail === undefined && (pageInfo?.hasNextPage === true || moreLines(found, lastNumber, previous)),
      }
    }
    if (tail === 0) return
    yield* cursorPages(load, null, signal)
  }).pipe(
    mergeMap((page) => {
      ctx.http.stats.rows += page.items.length
      return page.items
    }),
  )
}

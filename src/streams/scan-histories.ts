import type { Observable } from 'rxjs'
import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { scanHistoryOf, type ScanHistoryOfOptions, type TaggedHistoryRow } from './scan-history-of.js'

/**
 * The full history of every run a query matches, each row tagged with `_run` (its run's id),
 * with one global limit on requests in flight: the ready-made form of
 * `query.stream().pipe(scanHistoryOf(api, options))` for project-wide exports. Python's
 * `runs.histories()`, but unsampled, parallel and bounded.
 *
 * @example
 * ```ts
 * scanHistories(api, api.runs('team/mnist').where({ state: 'finished' }), { keys: ['loss'], concurrency: 8 })
 *   .subscribe((row) => sink.write(row)) // { _run: '1a2b3c', _step: 0, loss: 2.3 }, …
 * ```
 */
export function scanHistories(
  source: ApiContext | { readonly context: ApiContext },
  runs: { stream(): Observable<Run> },
  options: ScanHistoryOfOptions = {},
): Observable<TaggedHistoryRow> {
  return runs.stream().pipe(scanHistoryOf(source, options))
}

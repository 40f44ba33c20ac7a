import type { Run } from '../codecs/run.js'
import type { HttpClient } from '../transport/http-client.js'
import type { RunPath } from '../api/run-path.js'
import type { HistoryCache } from './history-cache.js'

/**
 * What handles, queries and streams need from their `Api`: the wire, the app URL and the
 * defaults. An internal seam: tests and streams take it instead of the whole `Api`.
 *
 * @internal
 */
export interface ApiContext {
  readonly http: HttpClient
  /** The app (UI) base URL for `run.url`. */
  readonly appUrl: string
  /** The given entity, or the default one (option, env, then the viewer's, fetched once). */
  entity(given?: string): Promise<string>
  /** The given project, or the default one. */
  project(given?: string): string
  /** One run by path, cached until `flush()`. */
  getRun(path: RunPath, signal?: AbortSignal): Promise<Run>
  /** Drops cached copies of a run after a write, so the next `getRun` sees the change. */
  forget(path: RunPath): void
  /** What the server was found to support (e.g. `parquetHistory`), learned once per Api. */
  readonly capabilities: Map<string, boolean>
  /** Where whole Parquet history files are kept between scans (Node); none in browsers. */
  readonly historyCache?: HistoryCache | undefined
}

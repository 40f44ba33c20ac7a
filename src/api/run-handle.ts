import type { Observable } from 'rxjs'
import type { HistoryRow } from '../codecs/history-row-codec.js'
import type { RunFile } from '../codecs/run-file-codec.js'
import type { Run } from '../codecs/run.js'
import type { ApiContext } from '../internal/api-context.js'
import { file } from '../streams/file.js'
import { files, type FilesOptions } from '../streams/files.js'
import { history, type HistoryOptions, type SystemMetricsRow } from '../streams/history.js'
import type { RunEvent } from '../streams/run-event.js'
import { scanHistory, type ScanHistoryOptions } from '../streams/scan-history.js'
import { watch } from '../streams/watch.js'
import type { WatchOptions } from '../streams/watch-many.js'
import type { RunPath } from './run-path.js'

/**
 * Operations on one run, by path. Creating a handle does no I/O; `get()` fetches the run, and
 * the stream methods return cold Observables that fetch on subscribe and abort on unsubscribe.
 *
 * @example
 * ```ts
 * const handle = api.run('team/mnist/1a2b3c')
 * const run = await handle.get()
 * console.log(run.state, run.summary.loss)
 * handle.scanHistory({ keys: ['loss'] }).subscribe((row) => console.log(row._step, row.loss))
 * ```
 */
export class RunHandle {
  readonly #context: ApiContext
  readonly #path: RunPath

  /** @internal Use `api.run(path)`. */
  constructor(context: ApiContext, path: RunPath) {
    this.#context = context
    this.#path = path
  }

  /** The path as given (parts not given are filled from the Api defaults when a request is made). */
  get path(): RunPath {
    return this.#path
  }

  /**
   * Fetches the run with the full fragment (config, summary, system metrics). Cached per path
   * until `api.flush()`. Rejects with `NotFoundError` when the run or project does not exist.
   */
  get(options: { signal?: AbortSignal } = {}): Promise<Run> {
    return this.#context.getRun(this.#path, options.signal)
  }

  /**
   * The run's history, **SAMPLED** to about `samples` (default 500) rows, like Python's
   * `run.history()`; `tail: n` gives exactly the last n rows. For every row use `scanHistory()`.
   * See {@link history}.
   *
   * @example
   * ```ts
   * api.run('team/mnist/1a2b3c').history({ keys: ['loss'], samples: 100 }).subscribe(plot)
   * ```
   */
  history(options?: HistoryOptions & { readonly stream?: 'default' | undefined }): Observable<HistoryRow>
  history(options: HistoryOptions & { readonly stream: 'system' }): Observable<SystemMetricsRow>
  history(options: HistoryOptions = {}): Observable<HistoryRow | SystemMetricsRow> {
    return history(this.#context, this.#path, options as HistoryOptions & { stream?: 'default' })
  }

  /**
   * Every history row, unsampled, in `_step` order, exactly once; windows fetched in parallel
   * with flat memory. Python's `run.scan_history()`. See {@link scanHistory}.
   *
   * @example
   * ```ts
   * api.run('team/mnist/1a2b3c').scanHistory({ keys: ['loss'], pageSize: 2000 }).subscribe(write)
   * ```
   */
  scanHistory(options: ScanHistoryOptions = {}): Observable<HistoryRow> {
    return scanHistory(this.#context, this.#path, options)
  }

  /**
   * The run's files, paged with `fileCursor`/`fileLimit`. Python's `run.files()`. See {@link files}.
   *
   * @example
   * ```ts
   * api.run('team/mnist/1a2b3c').files({ pattern: '%.json' }).subscribe((f) => console.log(f.name))
   * ```
   */
  files(options: FilesOptions = {}): Observable<RunFile> {
    return files(this.#context, this.#path, options)
  }

  /**
   * One file by exact name; rejects with `NotFoundError` when absent. Python's `run.file(name)`.
   *
   * @example
   * ```ts
   * const f = await api.run('team/mnist/1a2b3c').file('config.yaml')
   * ```
   */
  file(name: string, options: { readonly signal?: AbortSignal | undefined } = {}): Promise<RunFile> {
    return file(this.#context, this.#path, name, options)
  }

  /**
   * Follows the run live: `history`, `summary`, `heartbeat`, `state` events, then `end` after a
   * terminal state and a final drain. See {@link watch}.
   *
   * @example
   * ```ts
   * api.run('team/mnist/1a2b3c').watch({ intervalMs: 2000 }).subscribe((e) => console.log(e.type))
   * ```
   */
  watch(options: WatchOptions = {}): Observable<RunEvent> {
    return watch(this.#context, this.#path, options)
  }
}

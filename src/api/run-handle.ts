import { map, type Observable } from 'rxjs'
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
import type { LogLine } from '../codecs/log-line-codec.js'
import { deleteRunFiles } from './delete-run-files.js'
import { runLogs, type RunLogsOptions } from './run-logs.js'
import { runMetadata } from './run-metadata.js'
import {
  deleteRun,
  setRunState,
  stopRun,
  updateRun,
  type RunUpdate,
  type RunUpdateOptions,
} from './run-writes.js'
import { RemoteRunFile } from './remote-run-file.js'
import { SummaryHandle } from './summary-handle.js'
import { uploadRunFile, type UploadRunFileOptions, type UploadSource } from './upload-run-file.js'
import type { Artifact } from './artifact.js'
import { listRunArtifacts } from './artifacts.js'
import type { PagedListing } from './paged-listing.js'

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
  files(options: FilesOptions = {}): Observable<RemoteRunFile> {
    return files(this.#context, this.#path, options).pipe(map((f) => new RemoteRunFile(this.#context, f)))
  }

  /**
   * One file by exact name; rejects with `NotFoundError` when absent. Python's `run.file(name)`.
   *
   * @example
   * ```ts
   * const f = await api.run('team/mnist/1a2b3c').file('config.yaml')
   * await f.download({ root: 'out', replace: true }) // Python: f.download(root='out', replace=True)
   * ```
   */
  async file(
    name: string,
    options: { readonly signal?: AbortSignal | undefined } = {},
  ): Promise<RemoteRunFile> {
    return new RemoteRunFile(this.#context, await file(this.#context, this.#path, name, options))
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

  /**
   * Changes name, notes, tags, group, job type and config (merged unless `replaceConfig`) and
   * returns the stored run. Python's `run.update()`. See {@link updateRun}.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').update({ tags: ['best'], config: { lr: 3e-4 } })
   * ```
   */
  update(changes: RunUpdate, options: RunUpdateOptions = {}): Promise<Run> {
    return updateRun(this.#context, this.#path, changes, options)
  }

  /**
   * The run's summary on the server: `get()`, `update({...})`, `delete(keys)`, each a
   * read-modify-write of the whole summary. Python's `run.summary`. See {@link SummaryHandle}.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').summary.update({ best_acc: 0.98 })
   * ```
   */
  get summary(): SummaryHandle {
    return new SummaryHandle(this.#context, this.#path)
  }

  /**
   * Sets the state to `pending` or `failed`. Python's `run.update_state()`. See {@link setRunState}.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').setState('failed')
   * ```
   */
  setState(state: 'pending' | 'failed', options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    return setRunState(this.#context, this.#path, state, options)
  }

  /**
   * Asks the run's writer to stop. Python's `run.stop()`. See {@link stopRun}.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').stop()
   * ```
   */
  stop(options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    return stopRun(this.#context, this.#path, options)
  }

  /**
   * Deletes the run (and its artifacts with `deleteArtifacts`). Never retried. See {@link deleteRun}.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').delete()
   * ```
   */
  delete(options: { readonly deleteArtifacts?: boolean; readonly signal?: AbortSignal } = {}): Promise<void> {
    return deleteRun(this.#context, this.#path, options)
  }

  /**
   * Uploads a local file (Node) or bytes as a run file and returns it as listed. Python's
   * `run.upload_file()`. See {@link uploadRunFile}.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').uploadFile('./model.onnx', { name: 'models/model.onnx' })
   * ```
   */
  async uploadFile(source: UploadSource, options: UploadRunFileOptions = {}): Promise<RemoteRunFile> {
    return new RemoteRunFile(this.#context, await uploadRunFile(this.#context, this.#path, source, options))
  }

  /**
   * Deletes run files by name or as listed. See {@link deleteRunFiles}.
   *
   * @example
   * ```ts
   * await api.run('team/mnist/1a2b3c').deleteFiles(['debug.log'])
   * ```
   */
  deleteFiles(
    targets: readonly (string | RunFile)[],
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<void> {
    return deleteRunFiles(this.#context, this.#path, targets, options)
  }

  /**
   * `wandb-metadata.json` parsed, or undefined when the run has none. Python's `run.metadata`.
   * See {@link runMetadata}.
   *
   * @example
   * ```ts
   * (await api.run('team/mnist/1a2b3c').metadata())?.gpu // 'NVIDIA A100'
   * ```
   */
  metadata(
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Readonly<Record<string, unknown>> | undefined> {
    return runMetadata(this.#context, this.#path, options)
  }

  /**
   * Console output lines, from the start or the last `tail`. See {@link runLogs}.
   *
   * @example
   * ```ts
   * api.run('team/mnist/1a2b3c').logs({ tail: 50 }).subscribe((l) => console.log(l.line))
   * ```
   */
  logs(options: RunLogsOptions = {}): Observable<LogLine> {
    return runLogs(this.#context, this.#path, options)
  }

  /**
   * The artifacts this run logged (Python `run.logged_artifacts()`), oldest first.
   *
   * @example
   * ```ts
   * const models = await api.run('team/mnist/1a2b3c').loggedArtifacts().toArray()
   * ```
   */
  loggedArtifacts(): PagedListing<Artifact> {
    return listRunArtifacts(this.#context, this.#path, 'outputs')
  }

  /**
   * The artifacts this run used as inputs (Python `run.used_artifacts()`).
   *
   * @example
   * ```ts
   * for await (const a of api.run('team/mnist/1a2b3c').usedArtifacts()) console.log(a.qualifiedName)
   * ```
   */
  usedArtifacts(): PagedListing<Artifact> {
    return listRunArtifacts(this.#context, this.#path, 'inputs')
  }
}

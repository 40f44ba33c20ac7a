import type { Run } from '../codecs/run.js'
import type { RunPath } from './run-path.js'
import type { ApiContext } from '../internal/api-context.js'

/**
 * Operations on one run, by path. Creating a handle does no I/O; `get()` fetches the run.
 *
 * @example
 * ```ts
 * const handle = api.run('team/mnist/1a2b3c')
 * const run = await handle.get()
 * console.log(run.state, run.summary.loss)
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
}

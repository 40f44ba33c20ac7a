/**
 * Aborts a changing set of requests at once without putting a listener on a shared signal per
 * request: each `run` gets its own controller, kept in a set only while it runs, and `abort()`
 * aborts those in the set and every later one. A scan issues thousands of ranged reads, and
 * listeners piling on one signal would leak (and trip Node's MaxListeners warning).
 *
 * @example
 * ```ts
 * const scope = new AbortScope()
 * const bytes = scope.run((signal) => fetch(url, { signal }).then((r) => r.arrayBuffer()))
 * scope.abort() // aborts that fetch, and any run started after
 * ```
 *
 * @internal
 */
export class AbortScope {
  readonly #running = new Set<AbortController>()
  #aborted = false

  /** Runs `work` under a signal this scope aborts. */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    if (this.#aborted) controller.abort()
    this.#running.add(controller)
    try {
      return await work(controller.signal)
    } finally {
      this.#running.delete(controller)
    }
  }

  /** Aborts every run in progress and every later one. */
  abort(): void {
    this.#aborted = true
    for (const controller of this.#running) controller.abort()
  }
}

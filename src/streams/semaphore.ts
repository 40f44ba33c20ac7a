/** Gives back the slot a {@link Semaphore} handed out. Calling it twice is harmless. @internal */
export type Release = () => void

/**
 * Counts in-flight requests shared by several streams (e.g. every run of a project-wide
 * `scanHistoryOf`), so total parallelism stays bounded however many runs are being read.
 *
 * @example
 * ```ts
 * const slots = new Semaphore(4)
 * const release = await slots.acquire(signal)
 * try { await fetchWindow() } finally { release() }
 * ```
 */
export class Semaphore {
  #free: number
  readonly #waiting: Array<() => void> = []

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`concurrency must be an integer ≥ 1, got ${size}`)
    this.#free = size
  }

  /** Resolves with a release function once a slot is free; rejects at once when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.#free > 0) {
      this.#free--
      return Promise.resolve(this.#releaser())
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort)
        resolve(this.#releaser())
      }
      const onAbort = () => {
        const at = this.#waiting.indexOf(grant)
        if (at >= 0) this.#waiting.splice(at, 1)
        reject(signal?.reason)
      }
      this.#waiting.push(grant)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Runs `task` holding one slot. */
  async use<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal)
    try {
      return await task()
    } finally {
      release()
    }
  }

  #releaser(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.#waiting.shift()
      if (next) next()
      else this.#free++
    }
  }
}

import type { Release } from './request-slots.js'

/**
 * The waiting line behind request slots: hands out slots in request order while fewer than
 * `limit()` are taken. The limit is read on every hand-out, so it may change (adaptive slots).
 *
 * @example
 * ```ts
 * const queue = new SlotQueue(() => 4)
 * const release = await queue.acquire(signal)
 * try { await fetchWindow() } finally { release() }
 * ```
 */
export class SlotQueue {
  readonly #limit: () => number
  readonly #waiting: Array<() => void> = []
  #taken = 0

  constructor(limit: () => number) {
    this.#limit = limit
  }

  /** Slots handed out and not yet released. */
  get taken(): number {
    return this.#taken
  }

  /** Resolves with a release function once a slot is free; rejects at once when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.#waiting.length === 0 && this.#taken < this.#limit()) return Promise.resolve(this.#take())
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort)
        resolve(this.#take())
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

  #take(): Release {
    this.#taken++
    let released = false
    return () => {
      if (released) return
      released = true
      this.#taken--
      while (this.#waiting.length > 0 && this.#taken < this.#limit()) this.#waiting.shift()?.()
    }
  }
}

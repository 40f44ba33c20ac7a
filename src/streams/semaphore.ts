import type { Release, RequestSlots } from '../transport/request-slots.js'
import { SlotQueue } from '../transport/slot-queue.js'

export type { Release } from '../transport/request-slots.js'

/**
 * A fixed number of request slots shared by several streams (e.g. every run of a project-wide
 * `scanHistoryOf` given a `concurrency`), so total parallelism stays bounded however many runs
 * are being read.
 *
 * @example
 * ```ts
 * const slots = new Semaphore(4)
 * const release = await slots.acquire(signal)
 * try { await fetchWindow() } finally { release() }
 * ```
 */
export class Semaphore implements RequestSlots {
  readonly #queue: SlotQueue

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`concurrency must be an integer ≥ 1, got ${size}`)
    this.#queue = new SlotQueue(() => size)
  }

  get limit(): number {
    return this.size
  }

  /** Resolves with a release function once a slot is free; rejects at once when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<Release> {
    return this.#queue.acquire(signal)
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
}

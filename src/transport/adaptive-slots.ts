import { AdaptiveLimit, type AdaptiveLimitOptions } from './adaptive-limit.js'
import type { Release, RequestSlots } from './request-slots.js'
import { SlotQueue } from './slot-queue.js'
import type { TransportStats } from './transport-stats.js'

/**
 * Request slots whose number adapts to the server: one pool per `Api`, shared by all its streams
 * (history windows, file and artifact downloads). Each request run through {@link use} reports
 * its round trip to an {@link AdaptiveLimit}; the transport reports 429s and rate-limit headers
 * through {@link pushback}. Slots are handed out in request order while fewer than the current
 * limit are in flight; `size` is the upper bound (`maxConcurrency`).
 *
 * A request that saw pushback while running gives no latency sample: its time includes the
 * retry's wait, which says nothing about the server's queue.
 *
 * @example
 * ```ts
 * const slots = new AdaptiveSlots({ max: 16 }, stats)
 * const rows = await slots.use(() => historyWindow(ctx, run, window, keys, signal), signal)
 * stats.snapshot().concurrency // the limit it settled on
 * ```
 */
export class AdaptiveSlots implements RequestSlots {
  readonly size: number
  readonly #limit: AdaptiveLimit
  readonly #stats: TransportStats | undefined
  readonly #now: () => number
  readonly #queue = new SlotQueue(() => this.limit)
  #pushbacks = 0

  constructor(options: AdaptiveLimitOptions = {}, stats?: TransportStats, now = () => performance.now()) {
    this.#limit = new AdaptiveLimit(options)
    this.size = options.max ?? 16
    this.#stats = stats
    this.#now = now
    this.#report()
  }

  /** The number of requests allowed in flight now. */
  get limit(): number {
    return this.#limit.current
  }

  acquire(signal?: AbortSignal): Promise<Release> {
    return this.#queue.acquire(signal)
  }

  async use<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal)
    const started = this.#now()
    const inFlight = this.#queue.taken
    const pushbacks = this.#pushbacks
    try {
      const result = await task()
      if (pushbacks === this.#pushbacks) this.#limit.sample(this.#now() - started, inFlight)
      return result
    } finally {
      release()
      this.#report()
    }
  }

  /** The server asked to slow down: the limit halves (at most once per window of requests). */
  pushback(): void {
    this.#pushbacks++
    this.#limit.pushback()
    this.#report()
  }

  #report(): void {
    if (this.#stats) this.#stats.concurrency = this.#limit.settled
  }
}

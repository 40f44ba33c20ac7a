import { abortableSleep } from './abortable-sleep.js'
import { parseRetryAfter } from './retry-after.js'
import type { TransportStats } from './transport-stats.js'

/**
 * Client-side pacing, one per `Api` and shared by all its streams, so parallel work slows down
 * together instead of turning into a storm of 429s.
 *
 * - an optional token bucket (`requestsPerSecond`, `burst`);
 * - a shared pause after a `Retry-After` on 429/503;
 * - a pause when `RateLimit-Remaining: 0` arrives, until `RateLimit-Reset` (seconds).
 *
 * @example
 * ```ts
 * new Api({ rateLimit: { requestsPerSecond: 3, burst: 6 } })
 * ```
 */
export interface RateLimitOptions {
  readonly requestsPerSecond?: number
  readonly burst?: number
}

export class RateLimiter {
  readonly #rate: number | undefined
  readonly #burst: number
  #tokens: number
  #refilledAt = Date.now()
  #pausedUntil = 0
  readonly #stats: TransportStats | undefined

  constructor(options: RateLimitOptions = {}, stats?: TransportStats) {
    this.#rate = options.requestsPerSecond
    this.#burst = Math.max(1, options.burst ?? Math.ceil(options.requestsPerSecond ?? 1))
    this.#tokens = this.#burst
    this.#stats = stats
  }

  /** Resolves when a request may go out; rejects at once if `signal` aborts. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.#waitMs(Date.now())
      if (wait <= 0) return
      if (this.#stats) {
        this.#stats.rateLimitWaits++
        this.#stats.rateLimitWaitMs += wait
      }
      await abortableSleep(wait, signal)
    }
  }

  /** Learns from a response's status and rate-limit headers. */
  observe(status: number, headers: Headers, now: number = Date.now()): void {
    if (status === 429 || status === 503) {
      const retryAfter = parseRetryAfter(headers.get('retry-after'), now)
      if (retryAfter !== undefined) this.pauseUntil(now + retryAfter)
    }
    const remaining = headers.get('ratelimit-remaining')
    const reset = headers.get('ratelimit-reset')
    if (remaining !== null && Number(remaining) <= 0 && reset !== null && Number.isFinite(Number(reset))) {
      this.pauseUntil(now + Number(reset) * 1000)
    }
  }

  pauseUntil(time: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, time)
  }

  #waitMs(now: number): number {
    if (now < this.#pausedUntil) return this.#pausedUntil - now
    if (this.#rate === undefined) return 0
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#refilledAt) / 1000) * this.#rate)
    this.#refilledAt = now
    if (this.#tokens >= 1) {
      this.#tokens -= 1
      return 0
    }
    return Math.ceil(((1 - this.#tokens) / this.#rate) * 1000)
  }
}

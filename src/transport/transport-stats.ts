/**
 * A snapshot of what an `Api` has done on the wire, for checking throughput against expectations
 * (USER-NEEDS §4.14).
 *
 * @example
 * ```ts
 * const s = api.stats()
 * console.log(`${s.requests} requests, ${s.retries} retries, ${s.rateLimitWaitMs} ms waiting on rate limits`)
 * ```
 */
export interface TransportStatsSnapshot {
  readonly requests: number
  readonly retries: number
  readonly failures: number
  readonly rateLimitWaits: number
  readonly rateLimitWaitMs: number
  readonly bytesReceived: number
  /** Rows (runs, history rows, files) emitted by streams. */
  readonly rows: number
  readonly elapsedMs: number
  readonly rowsPerSecond: number
  /** Requests the adaptive limiter currently allows in flight (the concurrency it settled on). */
  readonly concurrency: number
}

/** Mutable counters shared by everything one `Api` runs. */
export class TransportStats {
  requests = 0
  retries = 0
  failures = 0
  rateLimitWaits = 0
  rateLimitWaitMs = 0
  bytesReceived = 0
  rows = 0
  concurrency = 0
  readonly #startedAt = Date.now()

  snapshot(): TransportStatsSnapshot {
    const elapsedMs = Math.max(1, Date.now() - this.#startedAt)
    return Object.freeze({
      requests: this.requests,
      retries: this.retries,
      failures: this.failures,
      rateLimitWaits: this.rateLimitWaits,
      rateLimitWaitMs: this.rateLimitWaitMs,
      bytesReceived: this.bytesReceived,
      rows: this.rows,
      elapsedMs,
      rowsPerSecond: (this.rows * 1000) / elapsedMs,
      concurrency: this.concurrency,
    })
  }
}

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
  /** Full-history scans by where they read: Parquet exports (plus live tail), or GraphQL windows. */
  readonly historySources: { readonly parquet: number; readonly graphql: number }
  /** Parquet export files: requests (`HEAD` and ranged `GET`), body bytes read, cache hits. */
  readonly parquetRequests: number
  readonly parquetBytes: number
  readonly parquetCacheHits: number
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
  parquetScans = 0
  graphqlScans = 0
  parquetRequests = 0
  parquetBytes = 0
  parquetCacheHits = 0
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
      historySources: { parquet: this.parquetScans, graphql: this.graphqlScans },
      parquetRequests: this.parquetRequests,
      parquetBytes: this.parquetBytes,
      parquetCacheHits: this.parquetCacheHits,
      elapsedMs,
      rowsPerSecond: (this.rows * 1000) / elapsedMs,
      concurrency: this.concurrency,
    })
  }
}

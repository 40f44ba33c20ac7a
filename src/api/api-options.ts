import type { HistoryCache } from '../internal/history-cache.js'
import type { RateLimitOptions } from '../transport/rate-limiter.js'
import type { FetchLike } from '../transport/resolve-fetch.js'
import type { RetryPolicy } from '../transport/retry-policy.js'

/**
 * How an {@link Api} finds and talks to W&B. Every field is optional; see each for its fallback.
 *
 * @example
 * ```ts
 * new Api({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.MY_KEY, retry: { retries: 2 } })
 * ```
 */
export interface ApiOptions {
  /** Option → `WANDB_API_KEY` → `.netrc` (Node only; machine = base URL host[:port]). */
  readonly apiKey?: string | undefined
  /** Option → `WANDB_BASE_URL` → `https://api.wandb.ai`. A trailing `/` is dropped. */
  readonly baseUrl?: string | undefined
  /** Option → `WANDB_ENTITY` → the viewer's default entity (fetched once, lazily). */
  readonly entity?: string | undefined
  /** Option → `WANDB_PROJECT` → `uncategorized`. */
  readonly project?: string | undefined
  /** A `fetch` to use instead of the platform's (tests, proxies, instrumentation). */
  readonly fetch?: FetchLike | undefined
  /** Retry policy overrides (defaults: 5 retries, 1 s → 30 s backoff, W&B's no-retry statuses). */
  readonly retry?: Partial<RetryPolicy> | undefined
  /** Per-attempt timeout in ms (default 30 000). */
  readonly timeoutMs?: number | undefined
  /** Overall deadline of one call including retries, in ms (default 300 000). */
  readonly deadlineMs?: number | undefined
  /** Extra headers on every request to the base URL. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Client-side request pacing shared by every stream of this Api. */
  readonly rateLimit?: RateLimitOptions | undefined
  /**
   * Where full history scans (no `keys`) keep whole Parquet export files, as wandb 0.30 does.
   * Default in Node: `fileHistoryCache()` (`$WANDB_CACHE_DIR`, else the OS cache directory, under
   * `wandb-rx/runhistory`); in browsers none. `false` turns it off: scans then read the exports
   * by ranged requests.
   */
  readonly historyCache?: HistoryCache | false | undefined
  /**
   * Upper bound of the requests this Api's streams run in parallel (history windows, file and
   * artifact downloads) when they are given no fixed `concurrency`. Between 1 and this, the
   * concurrency adapts to the server: it grows while latency stays flat and halves on 429s
   * (see `AdaptiveLimit`). Default 16.
   */
  readonly maxConcurrency?: number | undefined
}

/**
 * How polling slows down while nothing changes.
 *
 * @example
 * ```ts
 * api.run(path).watch({ intervalMs: 1000, factor: 1.5, maxIntervalMs: 10_000 }) // 1 s, 1.5 s, 2.25 s, … 10 s
 * ```
 */
export interface BackoffOptions {
  /** Growth per idle poll. Default 2. */
  readonly factor?: number | undefined
  /** The slowest polling gets. Default 8 × `intervalMs`. */
  readonly maxIntervalMs?: number | undefined
}

/**
 * The wait before the next poll after `idlePolls` polls in a row saw no change: `intervalMs`
 * right after a change, then growing by `factor` per idle poll up to `maxIntervalMs`. A change
 * resets it. Polite to the server for runs that have gone quiet, quick for busy ones.
 *
 * @example
 * ```ts
 * [0, 1, 2, 3, 4, 5].map((idle) => pollDelay(5000, idle)) // [5000, 10000, 20000, 40000, 40000, 40000]
 * ```
 */
export function pollDelay(intervalMs: number, idlePolls: number, options: BackoffOptions = {}): number {
  const { factor = 2, maxIntervalMs = 8 * intervalMs } = options
  return Math.max(intervalMs, Math.min(maxIntervalMs, intervalMs * factor ** idlePolls))
}

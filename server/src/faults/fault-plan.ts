/**
 * How a fault is answered:
 * - `'429'`: status 429 with `Retry-After` (seconds)
 * - `'500' | '502' | '503' | '504'`: that status with a JSON error body
 * - `'reset'`: the request is executed, then the connection is destroyed mid-body
 * - `'malformed'`: 200 with a truncated, unparsable JSON body (request not executed)
 * - `'graphql-error'`: 200 with `{"errors": [...], "data": null}` (request not executed)
 */
export type FaultKind = '429' | '500' | '502' | '503' | '504' | 'reset' | 'malformed' | 'graphql-error'

/**
 * Every fault kind, e.g. to build a `--fault-kinds` list or a table-driven test.
 *
 * @example FAULT_KINDS.filter((k) => k.startsWith('5')) // ['500', '502', '503', '504']
 */
export const FAULT_KINDS: readonly FaultKind[] = [
  '429',
  '500',
  '502',
  '503',
  '504',
  'reset',
  'malformed',
  'graphql-error',
]

/** One scheduled fault: the `request`-th matching request (1-based) is answered with `kind`. */
export interface ScheduledFault {
  readonly request: number
  readonly kind: FaultKind
  /** Seconds for `Retry-After` on a 429 (default: the rule's `retryAfter`, else 1). */
  readonly retryAfter?: number
}

/** Which requests a rule applies to, plus what it does to them. */
export interface FaultRule {
  /** Only GraphQL requests whose operation name is listed (e.g. `['Runs', 'UpsertBucket']`). */
  readonly operations?: readonly string[]
  /** Only requests whose URL path starts with one of these (e.g. `'/graphql'`, `'/files/'`). */
  readonly paths?: readonly string[]
  /** Added delay per matching request: fixed ms, or uniform in `[min, max]` ms. */
  readonly latencyMs?: number | { readonly min: number; readonly max: number }
  /** Share (0..1) of matching requests that fail, with a kind drawn from `kinds`. */
  readonly rate?: number
  /** Kinds drawn for `rate` failures (default `['500']`). */
  readonly kinds?: readonly FaultKind[]
  /** Exact failures by position among matching requests; checked before `rate`. */
  readonly schedule?: readonly ScheduledFault[]
  /** Default `Retry-After` seconds for 429 answers (default 1). */
  readonly retryAfter?: number
}

/**
 * Fault injection for client reliability tests: a top-level rule plus optional extra `rules`,
 * deterministic for a given `seed` and request order. Counters restart on `setFaults`.
 *
 * @example
 * // the 2nd GraphQL request gets 429 + Retry-After: 1, everything is 20–40 ms slower
 * const plan: FaultPlan = { latencyMs: { min: 20, max: 40 }, rules: [{ paths: ['/graphql'], schedule: [{ request: 2, kind: '429' }] }] }
 */
export interface FaultPlan extends FaultRule {
  readonly seed?: number
  readonly rules?: readonly FaultRule[]
}

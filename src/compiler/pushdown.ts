/** A filter in some field-name space (server or Run), as a plain Mongo-style object. *
 * @internal
 */
export type Criteria = Readonly<Record<string, unknown>>

/**
 * What a filter node contributes to the server request.
 *
 * - `server`: a server filter that selects a *superset* of the runs the node selects (null: no
 *   server constraint at all);
 * - `exact`: the server filter selects exactly those runs, so the client need not re-check;
 * - `reason`: why it is not exact (for `explain()`).
 *
 * Pushing a superset and re-checking on the client is always correct; the compiler claims
 * `exact` only where W&B's semantics are known to equal mingo's.
 *
 * @internal
 */
export interface Pushdown {
  readonly server: Criteria | null
  readonly exact: boolean
  readonly reason: string | null
}

export const Pushdown = Object.freeze({
  exact: (server: Criteria): Pushdown => ({ server, exact: true, reason: null }),
  superset: (server: Criteria, reason: string): Pushdown => ({ server, exact: false, reason }),
  client: (reason: string): Pushdown => ({ server: null, exact: false, reason }),
})

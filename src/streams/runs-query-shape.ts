import type { Run } from '../codecs/run.js'
import type { ClientSort } from '../compiler/client-sort.js'

/**
 * What the runs streams read from a compiled runs query: the documents, the variables, the
 * client-side residual and the limit. The DSL's `CompiledRunsQuery` has this shape (and more),
 * so streams never import the builder.
 *
 * @example
 * ```ts
 * const compiled: RunsQueryShape = api.runs('team/mnist').where({ state: 'running' }).compile()
 * ```
 */
export interface RunsQueryShape {
  /** The `Runs` document: `project { runs(filters, order, first, after) { edges { node cursor } pageInfo } }`. */
  readonly document: string
  /** The `RunCount` document: `project { runCount(filters) }`. */
  readonly countDocument: string
  readonly variables: {
    readonly project: string
    /** `undefined`: the Api's default entity, filled in at subscribe time. */
    readonly entity?: string | undefined
    readonly filters: string
    readonly order: string
    readonly perPage: number
    /** Resume after this cursor (`.after(cursor)`); null or absent: from the start. */
    readonly cursor?: string | null | undefined
  }
  /** The filter part the server cannot run; `null` when the server filter is exact. */
  readonly residual: unknown
  /** How many runs (after the residual) to emit at most; `null`: all. */
  readonly limit: number | null
  /** `.sortLocally()`: read every match (at most `maxRuns`), sort with `compare`, then apply `limit`. */
  readonly clientSort?: ClientSort | undefined
  /** Whether a run fetched with the server filter also passes the residual. */
  testResidual(run: Run): boolean
}

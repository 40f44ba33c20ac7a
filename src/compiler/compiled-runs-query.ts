import type { Run } from '../codecs/run.js'
import type { RunsQueryNode } from '../dsl/nodes/runs-query-node.js'
import type { ClientSort } from './client-sort.js'
import type { ConjunctPlacement } from './split-filter.js'

/**
 * The GraphQL variables of the runs listing (`entity` undefined: the runtime fills the default).
 *
 * @example
 * ```ts
 * api.runs('mnist').where({ state: 'finished' }).compile().variables
 * // { project: 'mnist', entity: undefined, filters: '{"state":"finished"}', order: '+created_at', perPage: 50, cursor: null }
 * ```
 */
export interface RunsQueryVariables {
  readonly project: string
  readonly entity: string | undefined
  /** The server filter as the JSON string W&B expects; `'{}'` when there is none. */
  readonly filters: string
  readonly order: string
  readonly perPage: number
  readonly cursor: string | null
}

/**
 * A runs query compiled without I/O: the GraphQL request plus what the client must do with the
 * answer. Frozen; assert on it in tests with no network.
 *
 * @example
 * ```ts
 * const compiled = api.runs('team/mnist').where({ 'summary.loss': { $lt: 0.2 }, name: /^exp/ }).orderBy('+summary.loss').compile()
 * compiled.variables
 * // { project: 'mnist', entity: 'team', filters: '{"summary_metrics.loss":{"$lt":0.2}}', order: '+summary_metrics.loss', perPage: 50, cursor: null }
 * compiled.residual // { 'summary.loss': { $lt: 0.2 }, name: { $regex: /^exp/ } }
 * ```
 */
export interface CompiledRunsQuery {
  /** `query Runs(...)` with the full or light run fragment appended. */
  readonly document: string
  /** `query RunCount(...)`: counts the *server* filter only. */
  readonly countDocument: string
  readonly variables: RunsQueryVariables
  /** The pushed-down filter, in W&B server field names. */
  readonly serverFilter: Readonly<Record<string, unknown>>
  /** The client part, in Run field names (mingo over `Run`); null when the server does it all. */
  readonly residual: Readonly<Record<string, unknown>> | null
  /** Where each top-level conjunct runs and why. */
  readonly placements: readonly ConjunctPlacement[]
  /** Stop after this many runs have passed the residual; null for all. */
  readonly limit: number | null
  /** True when the light fragment is used (no config, summary or system metrics). */
  readonly lazy: boolean
  /** Present when `.sortLocally()` was needed: buffer, sort with `compare`, then apply `limit`. */
  readonly clientSort?: ClientSort
  readonly node: RunsQueryNode
  /** The residual on one run (mingo query built once at compile). */
  testResidual(run: Run): boolean
  /** The whole filter on one run (mingo over the Run). */
  matches(run: Run): boolean
  /** What runs on the server, what on the client, order and paging, for humans. */
  explain(): string
}

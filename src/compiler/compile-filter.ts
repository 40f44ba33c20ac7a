import type { Run } from '../codecs/run.js'
import { FilterNode } from '../dsl/nodes/filter-node.js'
import { freezeValue } from '../dsl/nodes/freeze-value.js'
import { fieldHelpers, type FieldHelpers } from '../dsl/builders/field-helpers.js'
import { parseFilter } from '../dsl/parsers/filter-parser.js'
import type { Filter } from '../dsl/types/filter.js'
import type { RunSchema, AnyRunSchema } from '../dsl/types/run-schema.js'
import { toMingoCriteria } from './mingo-criteria.js'
import type { Criteria } from './pushdown.js'
import { runMatcher } from './run-matcher.js'
import { splitFilter, type ConjunctPlacement } from './split-filter.js'

/**
 * A filter compiled for both sides: the part W&B's server runs and the part mingo runs on
 * decoded runs, plus the whole filter as an offline matcher.
 *
 * @example
 * ```ts
 * const { serverFilter, residual, test } = compileFilter({ state: 'finished', 'systemMetrics.gpu': { $gt: 50 } })
 * serverFilter // { state: 'finished' }
 * residual     // { 'systemMetrics.gpu': { $gt: 50 } }
 * test(makeRun({ state: 'finished', systemMetrics: { gpu: 90 } })) // true
 * ```
 */
export interface CompiledFilter {
  readonly node: FilterNode
  /** The whole filter as mingo criteria in Run field names (what `test` evaluates). */
  readonly criteria: Criteria
  /** The pushed-down filter, in W&B server field names; `{}` when nothing is pushed. */
  readonly serverFilter: Criteria
  /** The client part, in Run field names; null when the server does everything. */
  readonly residual: Criteria | null
  /** The residual as a node tree (the conjuncts that are not exact on the server). */
  readonly residualNode: FilterNode | null
  readonly placements: readonly ConjunctPlacement[]
  /** The whole filter on one run (mingo, built once). */
  test(run: Run): boolean
  /** The residual alone, for runs the server already selected. */
  testResidual(run: Run): boolean
}

/**
 * Compiles a filter with no network and no `Api`, for unit-testing filters against fixture runs.
 * Same semantics as `api.runs(…).where(filter)`: `test(run)` is mingo over the `Run`, and the server
 * part followed by `testResidual` selects exactly the same runs.
 *
 * @example
 * ```ts
 * const filter = compileFilter({ 'summary.loss': { $lt: 0.2 }, 'systemMetrics.gpu': { $gt: 50 } })
 * filter.serverFilter // { 'summary_metrics.loss': { $lt: 0.2 } }
 * filter.residual     // { 'summary.loss': { $lt: 0.2 }, 'systemMetrics.gpu': { $gt: 50 } }
 * filter.test(makeRun({ summary: { loss: 0.1 }, systemMetrics: { gpu: 80 } })) // true
 * compileFilter((f) => f.tags.contains('baseline')).serverFilter // { tags: 'baseline' }
 * ```
 */
export function compileFilter<S extends RunSchema = AnyRunSchema>(
  filter: Filter<S> | FilterNode | ((f: FieldHelpers<S>) => FilterNode | Filter<S>),
): CompiledFilter {
  const given = typeof filter === 'function' ? filter(fieldHelpers<S>()) : filter
  const node = FilterNode.is(given) ? given : parseFilter(given)
  const split = splitFilter(node)
  const criteria = freezeValue(toMingoCriteria(node))
  const residual = split.residual ? freezeValue(toMingoCriteria(split.residual)) : null
  const test = runMatcher(criteria)
  const testResidual = residual ? runMatcher(residual) : () => true
  return Object.freeze({
    node,
    criteria,
    // Exactly what goes over the wire (e.g. -0 becomes 0).
    serverFilter: freezeValue(JSON.parse(JSON.stringify(split.serverFilter)) as Criteria),
    residual,
    residualNode: split.residual,
    placements: Object.freeze([...split.placements]),
    test,
    testResidual,
  })
}

import * as accumulators from 'mingo/operators/accumulator'
import * as expressions from 'mingo/operators/expression'
import * as pipeline from 'mingo/operators/pipeline'
import * as projections from 'mingo/operators/projection'
import * as windows from 'mingo/operators/window'
import { $expr } from 'mingo/operators/query'
import { compare, isNil } from 'mingo/util'
import { QUERY_OPERATORS } from './query-operators.js'

type Table = Readonly<Record<string, unknown>>
type AccumulatorOp = (...args: Parameters<typeof accumulators.$push>) => unknown

const without = (module: Table, ...names: readonly string[]): Table =>
  Object.freeze(
    Object.fromEntries(
      Object.entries(module).filter(([name]) => name.startsWith('$') && !names.includes(name)),
    ),
  )

/**
 * `$min`/`$max` that skip NaN, as mingo's numeric accumulators (`$avg`, `$sum`, `$stdDevPop`)
 * already do. Stock mingo sorts the values with NaN in them, so the answer depended on input order.
 */
const extreme =
  (pick: (sorted: readonly unknown[]) => unknown): AccumulatorOp =>
  (coll, expr, options) => {
    const values = accumulators
      .$push(coll, expr, options)
      .filter((v) => !isNil(v) && !Number.isNaN(v))
      .sort(compare)
    return values.length === 0 ? null : pick(values)
  }

/** Pipeline stages a wandb-rx pipeline may use: mingo's, minus those reading or writing other collections. *
 * @internal
 */
export const STAGE_OPERATORS = without(
  pipeline,
  '$lookup',
  '$graphLookup',
  '$unionWith',
  '$out',
  '$merge',
  '$documents',
)

/** mingo's expression operators, minus the code-running `$function`. *
 * @internal
 */
export const EXPRESSION_OPERATORS = without(expressions, '$function')

/** mingo's accumulators, minus the code-running `$accumulator`, with NaN-skipping `$min`/`$max`. *
 * @internal
 */
export const ACCUMULATOR_OPERATORS: Table = Object.freeze({
  ...without(accumulators, '$accumulator'),
  $min: extreme((sorted) => sorted[0]),
  $max: extreme((sorted) => sorted[sorted.length - 1]),
})

/** mingo's `$setWindowFields` operators (accumulators work there too). *
 * @internal
 */
export const WINDOW_OPERATORS = without(windows)

/** `$match` operators inside pipelines: wandb-rx's NaN-safe filter operators plus `$expr`. *
 * @internal
 */
export const PIPELINE_QUERY_OPERATORS: Table = Object.freeze({ ...QUERY_OPERATORS, $expr })

/** Projection operators mingo's `$project` may call. *
 * @internal
 */
export const PROJECTION_OPERATORS = without(projections)

import * as accumulators from 'mingo/operators/accumulator'
import * as expressions from 'mingo/operators/expression'
import * as pipeline from 'mingo/operators/pipeline'
import * as projections from 'mingo/operators/projection'
import * as windows from 'mingo/operators/window'
import { $expr } from 'mingo/operators/query'
import { $bucket } from './bucket-stage.js'
import { NUMERIC_ACCUMULATORS } from './numeric-accumulators.js'
import { PERCENTILE_ACCUMULATORS, PERCENTILE_EXPRESSIONS } from './percentile-operators.js'
import { QUERY_OPERATORS } from './query-operators.js'
import { $sort } from './sort-stage.js'

type Table = Readonly<Record<string, unknown>>

const without = (module: Table, ...names: readonly string[]): Table =>
  Object.freeze(
    Object.fromEntries(
      Object.entries(module).filter(([name]) => name.startsWith('$') && !names.includes(name)),
    ),
  )

/** Pipeline stages a wandb-rx pipeline may use: mingo's, minus those reading or writing other collections, with MongoDB's `$bucket` and NaN order in `$sort`. *
 * @internal
 */
export const STAGE_OPERATORS: Table = Object.freeze({
  ...without(pipeline, '$lookup', '$graphLookup', '$unionWith', '$out', '$merge', '$documents'),
  $bucket,
  $sort,
})

/** mingo's expression operators, minus the code-running `$function`, with numeric `$percentile`/`$median`. *
 * @internal
 */
export const EXPRESSION_OPERATORS: Table = Object.freeze({
  ...without(expressions, '$function'),
  ...PERCENTILE_EXPRESSIONS,
})

/** mingo's accumulators, minus the code-running `$accumulator`, with wandb-rx's numeric ones (see numeric-accumulators.ts, percentile-operators.ts). *
 * @internal
 */
export const ACCUMULATOR_OPERATORS: Table = Object.freeze({
  ...without(accumulators, '$accumulator'),
  ...NUMERIC_ACCUMULATORS,
  ...PERCENTILE_ACCUMULATORS,
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

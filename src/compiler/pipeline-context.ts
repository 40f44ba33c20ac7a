import { Context, ProcessingMode } from 'mingo/core'
import type { Options } from 'mingo/types'
import {
  ACCUMULATOR_OPERATORS,
  EXPRESSION_OPERATORS,
  PIPELINE_QUERY_OPERATORS,
  PROJECTION_OPERATORS,
  STAGE_OPERATORS,
  WINDOW_OPERATORS,
} from './pipeline-operators.js'

type Ops = NonNullable<Parameters<typeof Context.init>[0]>

let shared: Options | undefined

/**
 * The mingo options aggregation pipelines run with: scripts disabled, and a context holding only
 * the whitelisted stages and operators (never `$function`, `$accumulator`, `$where` or collection
 * stages), with wandb-rx's NaN-safe `$match` operators, `$min`/`$max` and MongoDB's `$bucket`.
 * The context is passed per pipeline, never registered globally, so the host application's own
 * mingo is untouched. Built once: it holds no per-pipeline state.
 *
 * @example
 * ```ts
 * new Aggregator(stages, pipelineOptions()).run(docs)
 * evalExpr(run, '$summary.loss', pipelineOptions())
 * ```
 * @internal
 */
export function pipelineOptions(): Options {
  shared ??= Object.freeze({
    idKey: '_id',
    processingMode: ProcessingMode.CLONE_OFF,
    useStrictMode: true,
    scriptEnabled: false,
    failOnError: true,
    context: Context.init({
      pipeline: STAGE_OPERATORS,
      expression: EXPRESSION_OPERATORS,
      accumulator: ACCUMULATOR_OPERATORS,
      window: WINDOW_OPERATORS,
      query: PIPELINE_QUERY_OPERATORS,
      projection: PROJECTION_OPERATORS,
    } as Ops),
  })
  return shared
}

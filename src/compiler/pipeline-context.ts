import { Context } from 'mingo/core'
import {
  ACCUMULATOR_OPERATORS,
  EXPRESSION_OPERATORS,
  PIPELINE_QUERY_OPERATORS,
  PROJECTION_OPERATORS,
  STAGE_OPERATORS,
  WINDOW_OPERATORS,
} from './pipeline-operators.js'

type Ops = NonNullable<Parameters<typeof Context.init>[0]>

let shared: Context | undefined

/**
 * The mingo context aggregation pipelines run in: only the whitelisted stages and operators
 * (never `$function`, `$accumulator`, `$where` or collection stages), with wandb-rx's NaN-safe
 * `$match` operators and `$min`/`$max`. It is passed per pipeline, never registered globally, so
 * the host application's own mingo is untouched. Built once: it holds no per-pipeline state.
 *
 * @example
 * ```ts
 * new Aggregator(stages, { context: pipelineContext(), scriptEnabled: false }).run(docs)
 * ```
 */
export function pipelineContext(): Context {
  shared ??= Context.init({
    pipeline: STAGE_OPERATORS,
    expression: EXPRESSION_OPERATORS,
    accumulator: ACCUMULATOR_OPERATORS,
    window: WINDOW_OPERATORS,
    query: PIPELINE_QUERY_OPERATORS,
    projection: PROJECTION_OPERATORS,
  } as Ops)
  return shared
}

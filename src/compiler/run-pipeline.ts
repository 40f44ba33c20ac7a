import { Aggregator } from 'mingo/aggregator'
import { freezeValue } from '../dsl/nodes/freeze-value.js'
import type { AnyStage } from '../dsl/types/pipeline.js'
import { PipelineError } from '../errors/pipeline-error.js'
import { pipelineOptions } from './pipeline-context.js'

/**
 * Runs a validated pipeline over documents with mingo, in wandb-rx's own operator context and
 * with scripts disabled. mingo's `$addFields`, `$project` exclusions and `$unwind` write into the
 * objects they read (silently failing on frozen Runs), so each call works on a structured clone
 * of its input and returns deep-frozen results; the caller's documents are never touched.
 * Failures on the data become {@link PipelineError}s.
 *
 * @example
 * ```ts
 * runPipeline([makeRun({ summary: { loss: 1 } })], [{ $project: { _id: 0, loss: '$summary.loss' } }]) // [{ loss: 1 }]
 * ```
 * @internal
 */
export function runPipeline<T>(docs: readonly object[], stages: readonly AnyStage[]): T[] {
  return pipelineFailure(() => {
    const aggregator = new Aggregator(stages as never, pipelineOptions())
    return aggregator.run(structuredClone(docs) as never).map((doc) => freezeValue(doc) as T)
  })
}

/**
 * Runs `evaluate`, turning mingo's failures on the data into {@link PipelineError}s.
 *
 * @example
 * ```ts
 * pipelineFailure(() => evalExpr(doc, { $add: ['$name', 1] }, pipelineOptions())) // throws PipelineError
 * ```
 * @internal
 */
export function pipelineFailure<T>(evaluate: () => T): T {
  try {
    return evaluate()
  } catch (error) {
    throw new PipelineError(error instanceof Error ? error.message : String(error), { cause: error })
  }
}

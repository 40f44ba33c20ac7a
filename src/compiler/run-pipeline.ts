import { Aggregator } from 'mingo/aggregator'
import { freezeValue } from '../dsl/nodes/freeze-value.js'
import type { AnyStage } from '../dsl/types/pipeline.js'
import { PipelineError } from '../errors/pipeline-error.js'
import { pipelineOptions } from './pipeline-context.js'

// Stages that never write into the documents they read: pipelines of only these skip the clone.
const READ_ONLY = new Set([
  '$match',
  '$group',
  '$bucket',
  '$bucketAuto',
  '$sortByCount',
  '$sort',
  '$limit',
  '$skip',
  '$count',
  '$sample',
  '$replaceWith',
  '$replaceRoot',
])

/**
 * Runs a validated pipeline over documents with mingo, in wandb-rx's own operator context and
 * with scripts disabled. mingo's `$addFields`, `$project` exclusions and `$unwind` write into the
 * objects they read (silently failing on frozen Runs), so a pipeline using any stage but the
 * read-only ones (`$match`, `$group`, `$bucket`, `$sort`, `$limit`, …) works on a structured clone
 * of its input; results are deep-frozen copies; the caller's documents are never touched.
 * Failures on the data become {@link PipelineError}s.
 *
 * @example
 * ```ts
 * runPipeline([makeRun({ summary: { loss: 1 } })], [{ $project: { _id: 0, loss: '$summary.loss' } }]) // [{ loss: 1 }]
 * ```
 * @internal
 */
export function runPipeline<T>(docs: readonly object[], stages: readonly AnyStage[]): T[] {
  const input = stages.every((stage) => Object.keys(stage).every((name) => READ_ONLY.has(name)))
    ? [...docs]
    : structuredClone(docs)
  return pipelineFailure(() => {
    const aggregator = new Aggregator(stages as never, pipelineOptions())
    return aggregator.run(input as never).map((doc) => freezeValue(doc) as T)
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

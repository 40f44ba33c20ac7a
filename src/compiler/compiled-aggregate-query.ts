import type { AnyStage } from '../dsl/types/pipeline.js'
import type { CompiledRunsQuery } from './compiled-runs-query.js'

/**
 * An aggregate query compiled without I/O: the runs query (with the pipeline's leading `$match`
 * stages merged into its filter, so the server does them), the validated pipeline mingo runs on
 * the client, and the Run fields kept while collecting. Frozen; assert on it with no network.
 *
 * @example
 * ```ts
 * const compiled = api.runs('team/mnist').aggregate([
 *   { $match: { state: 'finished' } },
 *   { $group: { _id: '$config.optimizer', loss: { $avg: '$summary.loss' } } },
 * ]).compile()
 * compiled.runs.variables.filters // '{"state":"finished"}'
 * compiled.pipeline               // [{ $group: { _id: '$config.optimizer', loss: { $avg: '$summary.loss' } } }]
 * compiled.reads                  // ['config', 'summary']
 * ```
 */
export interface CompiledAggregateQuery {
  readonly runs: CompiledRunsQuery
  /** The stages mingo runs on the client: the pipeline without the merged `$match` stages. */
  readonly pipeline: readonly AnyStage[]
  /** The top-level Run fields kept while collecting runs; null keeps whole runs. */
  readonly reads: readonly string[] | null
  /** The runs query's plan, then the client stages, for humans. */
  explain(): string
}

/**
 * Builds the frozen {@link CompiledAggregateQuery}.
 *
 * @example
 * ```ts
 * compiledAggregateQuery(query.compile(), stages, pipelineReads(stages)).explain()
 * ```
 * @internal
 */
export function compiledAggregateQuery(
  runs: CompiledRunsQuery,
  pipeline: readonly AnyStage[],
  reads: readonly string[] | null,
): CompiledAggregateQuery {
  const explain = () =>
    [
      runs.explain(),
      pipeline.length === 0
        ? 'pipeline: none left after the merged $match (the runs as listed)'
        : `pipeline on the client (mingo), keeping ${reads ? reads.join(', ') || 'no fields' : 'whole runs'}:`,
      ...pipeline.map((stage, i) => `  ${i}. ${JSON.stringify(stage)}`),
    ].join('\n')
  return Object.freeze({ runs, pipeline, reads, explain })
}

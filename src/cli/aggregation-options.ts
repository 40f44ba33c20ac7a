import { parseExtendedJson } from '../internal/extended-json.js'
import { parseAggSpec } from './agg-spec.js'
import { groupPipeline } from './group-pipeline.js'
import { UsageError } from './usage-error.js'

/** The aggregation flags of `runs`. */
export interface AggregationFlags {
  readonly groupBy?: readonly string[]
  readonly agg?: string
  readonly pipeline?: string
}

/** The pipeline the flags ask for, and the columns that lead its output. */
export interface Aggregation {
  readonly pipeline: readonly Record<string, unknown>[]
  readonly leading: readonly string[]
}

/**
 * The aggregation `runs` should run, or `undefined` when no aggregation flag is given:
 * `--pipeline` as given (a JSON array of stages), else the `$group` pipeline of `--group-by`
 * and `--agg` (default `n=count()`; without `--group-by`, one group of all runs).
 *
 * @example
 * ```ts
 * aggregationOf({ groupBy: ['config.optimizer'] })?.leading // ['config.optimizer', 'n']
 * aggregationOf({ pipeline: '[{"$count":"n"}]' })?.pipeline  // [{ $count: 'n' }]
 * ```
 */
export function aggregationOf(flags: AggregationFlags): Aggregation | undefined {
  if (flags.pipeline !== undefined) {
    if (flags.groupBy !== undefined || flags.agg !== undefined)
      throw new UsageError('--pipeline cannot be combined with --group-by or --agg')
    return { pipeline: parsePipeline(flags.pipeline), leading: [] }
  }
  if (flags.groupBy === undefined && flags.agg === undefined) return undefined
  const built = groupPipeline(flags.groupBy ?? [], parseAggSpec(flags.agg ?? 'n=count()'))
  return { pipeline: built.pipeline, leading: built.columns }
}

function parsePipeline(text: string): Record<string, unknown>[] {
  let value: unknown
  try {
    value = parseExtendedJson(text)
  } catch (error) {
    throw new UsageError(`--pipeline: not valid JSON (${(error as Error).message})`)
  }
  const isStage = (stage: unknown) => typeof stage === 'object' && stage !== null && !Array.isArray(stage)
  if (!Array.isArray(value) || !value.every(isStage))
    throw new UsageError('--pipeline: expected a JSON array of stages such as [{"$group":{"_id":"$state"}}]')
  return value as Record<string, unknown>[]
}

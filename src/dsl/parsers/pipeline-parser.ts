import { STAGE_OPERATORS } from '../../compiler/pipeline-operators.js'
import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { freezeValue } from '../nodes/freeze-value.js'
import type { AnyStage } from '../types/pipeline.js'
import { nearestName } from './nearest-name.js'
import { validateExpression } from './pipeline-operand-validator.js'
import { STAGE_SHAPES } from './pipeline-stage-shapes.js'

const COLLECTION_STAGES = new Set(['$lookup', '$graphLookup', '$unionWith', '$out', '$merge', '$documents'])
const STAGES = Object.keys(STAGE_OPERATORS)

function checkStage(stage: unknown, at: string): void {
  if (typeof stage !== 'object' || stage === null || Array.isArray(stage))
    throw new FilterCompileError(at, 'a stage is an object with one $-key, such as { $group: {...} }')
  const keys = Object.keys(stage)
  if (keys.length !== 1)
    throw new FilterCompileError(
      at,
      `a stage has exactly one $-key, got ${keys.length === 0 ? 'none' : keys.join(', ')}`,
    )
  const name = keys[0]!
  const stageAt = `${at}.${name}`
  if (COLLECTION_STAGES.has(name))
    throw new FilterCompileError(
      stageAt,
      `${name} reads or writes other collections: a runs pipeline sees only the query's runs`,
    )
  if (!STAGES.includes(name)) {
    const near = nearestName(name, STAGES)
    throw new FilterCompileError(
      stageAt,
      `unknown stage ${name}${near ? ` (did you mean ${near}?)` : ''} (supported: ${STAGES.join(', ')})`,
    )
  }
  const value = (stage as Record<string, unknown>)[name]
  const shape = STAGE_SHAPES[name]
  if (shape) shape(value, stageAt, checkPipeline)
  else validateExpression(value, stageAt)
}

function checkPipeline(pipeline: unknown, at: string): void {
  if (!Array.isArray(pipeline)) throw new FilterCompileError(at, 'a pipeline is an array of stages')
  pipeline.forEach((stage, i) => checkStage(stage, `${at}.${i}`))
}

/**
 * Validates an aggregation pipeline when it is given, never mid-stream: each stage one of the
 * whitelisted mingo stages (not `$lookup`, `$graphLookup`, `$unionWith`, `$out`, `$merge`,
 * `$documents`), every operator one mingo implements (never `$function`, `$accumulator` or
 * `$where`), accumulators where accumulators go. Strings starting with `$` are field paths and
 * `$literal` contents are data. Returns a deep-frozen copy; errors are
 * {@link FilterCompileError}s naming the path and, for a misspelling, the nearest name.
 *
 * @example
 * ```ts
 * parsePipeline([{ $group: { _id: '$config.optimizer', loss: { $avg: '$summary.loss' } } }]) // frozen copy
 * parsePipeline([{}, { $group: { _id: null, best: { $function: {} } } }].slice(1))
 * // throws FilterCompileError: Invalid filter at pipeline.0.$group.best.$function: $function runs code: …
 * parsePipeline([{ $gruop: {} }]) // throws at pipeline.0.$gruop: unknown stage $gruop (did you mean $group?) …
 * ```
 */
export function parsePipeline(pipeline: unknown, at = 'pipeline'): readonly AnyStage[] {
  checkPipeline(pipeline, at)
  return freezeValue(pipeline) as readonly AnyStage[]
}

import { validBoundaries } from '../../compiler/bucket-stage.js'
import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { validateAccumulator, validateExpression, validateQuery } from './pipeline-operand-validator.js'

/** Validates one stage's argument; `at` is the stage's path (`pipeline.1.$group`). */
type StageShape = (value: unknown, at: string, parseSub: (pipeline: unknown, at: string) => void) => void

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  Object.getPrototypeOf(value) === Object.prototype &&
  !Array.isArray(value)

function object(value: unknown, at: string, example: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new FilterCompileError(at, `expected an object such as ${example}`)
  return value
}

const accumulators = (value: unknown, at: string, window = false) => {
  for (const [field, acc] of Object.entries(object(value, at, '{ n: { $count: {} } }'))) {
    if (field.startsWith('$'))
      throw new FilterCompileError(`${at}.${field}`, 'output field names cannot start with $')
    validateAccumulator(acc, `${at}.${field}`, window)
  }
}

const integer =
  (min: number): StageShape =>
  (value, at) => {
    if (!Number.isInteger(value) || (value as number) < min)
      throw new FilterCompileError(at, `expected an integer ≥ ${min}, got ${JSON.stringify(value)}`)
  }

const sortSpec = (value: unknown, at: string) => {
  const spec = object(value, at, "{ 'summary.loss': 1 }")
  if (Object.keys(spec).length === 0) throw new FilterCompileError(at, 'a sort needs at least one key')
  for (const [key, direction] of Object.entries(spec))
    if (direction !== 1 && direction !== -1)
      throw new FilterCompileError(
        `${at}.${key}`,
        `sort directions are 1 or -1, got ${JSON.stringify(direction)}`,
      )
}

const fieldName = (value: unknown, at: string) => {
  if (typeof value !== 'string' || value === '' || value.startsWith('$'))
    throw new FilterCompileError(at, 'expected an output field name such as "n"')
}

/**
 * How each allowed stage's argument is validated: expressions, queries, accumulators, sort specs
 * and sub-pipelines each by their own rule. Stages without an entry here take a generic
 * expression walk (`$densify`, `$fill`).
 *
 * @internal
 */
export const STAGE_SHAPES: Readonly<Record<string, StageShape>> = Object.freeze({
  $match: (value, at) => validateQuery(value, at),
  $group: (value, at) => {
    const { _id, ...fields } = object(value, at, "{ _id: '$config.optimizer', n: { $count: {} } }")
    if (!('_id' in (value as object)))
      throw new FilterCompileError(`${at}._id`, '$group needs an _id (null for one group of all runs)')
    validateExpression(_id, `${at}._id`)
    accumulators(fields, at)
  },
  $bucket: (value, at) => {
    const spec = object(value, at, "{ groupBy: '$summary.loss', boundaries: [0, 0.5, 1] }")
    validateExpression(spec['groupBy'], `${at}.groupBy`)
    if (!Array.isArray(spec['boundaries']) || !validBoundaries(spec['boundaries']))
      throw new FilterCompileError(
        `${at}.boundaries`,
        'expected at least two strictly ascending values of one type, such as [0, 0.5, 1]',
      )
    if (spec['output'] !== undefined) accumulators(spec['output'], `${at}.output`)
  },
  $bucketAuto: (value, at) => {
    const spec = object(value, at, "{ groupBy: '$summary.loss', buckets: 4 }")
    validateExpression(spec['groupBy'], `${at}.groupBy`)
    integer(1)(spec['buckets'], `${at}.buckets`, () => undefined)
    if (spec['output'] !== undefined) accumulators(spec['output'], `${at}.output`)
  },
  $sortByCount: (value, at) => validateExpression(value, at),
  $project: (value, at) => validateExpression(object(value, at, "{ loss: '$summary.loss' }"), at),
  $addFields: (value, at) => validateExpression(object(value, at, "{ x: '$summary.loss' }"), at),
  $set: (value, at) => validateExpression(object(value, at, "{ x: '$summary.loss' }"), at),
  $replaceRoot: (value, at) =>
    validateExpression(object(value, at, "{ newRoot: '$config' }")['newRoot'], `${at}.newRoot`),
  $replaceWith: (value, at) => validateExpression(value, at),
  $redact: (value, at) => validateExpression(value, at),
  $sort: sortSpec,
  $limit: integer(1),
  $skip: integer(0),
  $count: fieldName,
  $sample: (value, at) =>
    integer(1)(object(value, at, '{ size: 10 }')['size'], `${at}.size`, () => undefined),
  $unset: (value, at) => {
    const fields = Array.isArray(value) ? value : [value]
    fields.forEach((field, i) => fieldName(field, Array.isArray(value) ? `${at}.${i}` : at))
  },
  $unwind: (value, at) => {
    const path = isPlainObject(value) ? value['path'] : value
    if (typeof path !== 'string' || !path.startsWith('$'))
      throw new FilterCompileError(at, "expected a field path such as '$tags' or { path: '$tags' }")
  },
  $setWindowFields: (value, at) => {
    const spec = object(value, at, '{ sortBy: { createdAt: 1 }, output: { n: { $documentNumber: {} } } }')
    if (spec['partitionBy'] !== undefined) validateExpression(spec['partitionBy'], `${at}.partitionBy`)
    if (spec['sortBy'] !== undefined) sortSpec(spec['sortBy'], `${at}.sortBy`)
    accumulators(spec['output'], `${at}.output`, true)
  },
  $facet: (value, at, parseSub) => {
    for (const [name, sub] of Object.entries(
      object(value, at, "{ best: [{ $sort: { 'summary.loss': 1 } }] }"),
    ))
      parseSub(sub, `${at}.${name}`)
  },
})

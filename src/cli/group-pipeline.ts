import { isRunPath, percentileOf, type AggField } from './agg-spec.js'
import { UsageError } from './usage-error.js'

/** A pipeline built from `--group-by` and `--agg`, and the columns its rows have, in order. */
export interface GroupPipeline {
  readonly pipeline: readonly Record<string, unknown>[]
  readonly columns: readonly string[]
}

/**
 * Builds the Mongo pipeline of `runs --group-by a,b --agg …`: one `$group` whose `_id` holds
 * the group values, a `$project` that puts each value back under its own path (an `_id` key
 * cannot contain dots, so `config.optimizer` is keyed `config_optimizer` inside `_id`; a
 * missing value reads `null`), then a `$sort` by the group paths. Without `groupBy` there is
 * one group of all runs. Percentiles come out of `$percentile` as a one-element array, which
 * the `$project` unwraps.
 *
 * @example
 * ```ts
 * groupPipeline(['config.optimizer'], parseAggSpec('best=min(summary.loss),n=count()')).pipeline
 * // Output: [
 * //   { $group: { _id: { config_optimizer: '$config.optimizer' }, best: { $min: '$summary.loss' }, n: { $sum: 1 } } },
 * //   { $project: { _id: 0, 'config.optimizer': { $ifNull: ['$_id.config_optimizer', null] }, best: 1, n: 1 } },
 * //   { $sort: { 'config.optimizer': 1 } },
 * // ]
 * ```
 */
export function groupPipeline(groupBy: readonly string[], fields: readonly AggField[]): GroupPipeline {
  checkGroupPaths(groupBy, fields)
  const keys = idKeys(groupBy)
  const id = groupBy.length === 0 ? null : Object.fromEntries(groupBy.map((path, i) => [keys[i], `$${path}`]))
  const group = { _id: id, ...Object.fromEntries(fields.map((field) => [field.name, accumulator(field)])) }
  const project = {
    _id: 0,
    ...Object.fromEntries(groupBy.map((path, i) => [path, { $ifNull: [`$_id.${keys[i]}`, null] }])),
    ...Object.fromEntries(
      fields.map((field) => [
        field.name,
        percentileOf(field.fn) === undefined ? 1 : { $arrayElemAt: [`$${field.name}`, 0] },
      ]),
    ),
  }
  const sort = groupBy.length === 0 ? [] : [{ $sort: Object.fromEntries(groupBy.map((path) => [path, 1])) }]
  return {
    pipeline: [{ $group: group }, { $project: project }, ...sort],
    columns: [...groupBy, ...fields.map((field) => field.name)],
  }
}

/** The Mongo accumulator of one field (`median`/`pN` use Mongo's only method, `approximate`). */
function accumulator(field: AggField): Record<string, unknown> {
  const input = `$${field.path ?? ''}`
  const q = percentileOf(field.fn)
  if (q !== undefined) return { $percentile: { input, p: [q], method: 'approximate' } }
  switch (field.fn) {
    case 'count':
      return { $sum: 1 }
    case 'mean':
      return { $avg: input }
    case 'std':
      return { $stdDevPop: input }
    case 'stdSamp':
      return { $stdDevSamp: input }
    case 'median':
      return { $median: { input, method: 'approximate' } }
    default:
      return { [`$${field.fn}`]: input }
  }
}

/** `_id` keys: the paths with every non-word character as `_`, made unique. */
function idKeys(paths: readonly string[]): string[] {
  const keys: string[] = []
  for (const path of paths) {
    const base = path.replace(/\W/g, '_')
    let key = base
    for (let n = 2; keys.includes(key); n++) key = `${base}_${n}`
    keys.push(key)
  }
  return keys
}

function checkGroupPaths(groupBy: readonly string[], fields: readonly AggField[]): void {
  for (const path of groupBy) {
    if (!isRunPath(path)) throw new UsageError(`--group-by: bad path "${path}"`)
    const clash = groupBy.find((other) => other !== path && other.startsWith(`${path}.`))
    if (clash) throw new UsageError(`--group-by: "${path}" contains "${clash}"; group by one of them`)
    if (groupBy.indexOf(path) !== groupBy.lastIndexOf(path))
      throw new UsageError(`--group-by: "${path}" is given twice`)
    const root = path.split('.')[0]
    const field = fields.find((f) => f.name === root)
    if (field) throw new UsageError(`--agg: the name ${field.name} hides the group column ${path}; rename it`)
  }
}

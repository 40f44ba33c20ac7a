import {
  ACCUMULATOR_OPERATORS,
  EXPRESSION_OPERATORS,
  PIPELINE_QUERY_OPERATORS,
  WINDOW_OPERATORS,
} from '../../compiler/pipeline-operators.js'
import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { nearestName } from './nearest-name.js'

const CODE = new Set(['$function', '$accumulator', '$where'])
// `$key` is wandb-rx's internal operator for dotted config keys, not part of the user grammar.
const QUERY = Object.keys(PIPELINE_QUERY_OPERATORS).filter((name) => name !== '$key')

/** What a `$`-key may name at one spot of a pipeline, for lookup and for the error message. */
interface Family {
  readonly label: string
  readonly names: readonly string[]
}

const EXPRESSION: Family = { label: 'expression operator', names: Object.keys(EXPRESSION_OPERATORS) }
const ACCUMULATOR: Family = { label: 'accumulator', names: Object.keys(ACCUMULATOR_OPERATORS) }
const WINDOW: Family = {
  label: 'window operator or accumulator',
  names: [...Object.keys(WINDOW_OPERATORS), ...ACCUMULATOR.names],
}
const QUERY_FAMILY: Family = { label: '$match operator', names: QUERY }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp)

/** Rejects a `$`-name the family does not hold, naming the path and the nearest known name. */
function checkName(name: string, family: Family, at: string): void {
  if (CODE.has(name))
    throw new FilterCompileError(at, `${name} runs code: wandb-rx never evaluates code from pipelines`)
  if (family.names.includes(name)) return
  const near = nearestName(name, family.names)
  throw new FilterCompileError(
    at,
    `unknown ${family.label} ${name}${near ? ` (did you mean ${near}?)` : ''}; see https://github.com/kofrasa/mingo#supported-operators`,
  )
}

function walk(value: unknown, at: string, family: Family): void {
  if (typeof value === 'function')
    throw new FilterCompileError(at, 'functions are not allowed: pipelines are data, never code')
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}.${i}`, family))
  else if (isPlainObject(value))
    for (const [key, child] of Object.entries(value)) {
      const keyAt = `${at}.${key}`
      if (!key.startsWith('$')) walk(child, keyAt, family)
      else if (family === QUERY_FAMILY && key === '$expr') validateExpression(child, keyAt)
      else {
        checkName(key, family, keyAt)
        // `$literal` holds data, never operators: `{ $literal: { $foo: 1 } }` is a plain object.
        if (key !== '$literal') walk(child, keyAt, family)
      }
    }
}

/**
 * Validates an aggregation expression: every `$`-key is one of mingo's expression operators
 * (never `$function`), strings are field paths (`$summary.loss`) or constants, and `$literal`
 * contents are data.
 *
 * @example
 * ```ts
 * validateExpression({ $multiply: ['$summary.loss', 2] }, 'pipeline.0.$project.x') // ok
 * validateExpression({ $mulitply: [] }, 'p') // throws: unknown expression operator $mulitply (did you mean $multiply?)
 * ```
 * @internal
 */
export function validateExpression(value: unknown, at: string): void {
  walk(value, at, EXPRESSION)
}

/**
 * Validates a `$match` query after the first stage: wandb-rx's filter operators plus `$expr`.
 *
 * @example
 * ```ts
 * validateQuery({ n: { $gt: 2 }, $expr: { $lt: ['$min', '$max'] } }, 'pipeline.2.$match') // ok
 * ```
 * @internal
 */
export function validateQuery(value: unknown, at: string): void {
  if (!isPlainObject(value)) throw new FilterCompileError(at, '$match takes a query object')
  walk(value, at, QUERY_FAMILY)
}

/**
 * Validates one output field of `$group`/`$bucket` (`{ $avg: '$summary.loss' }`) or, with
 * `window`, of `$setWindowFields` (`{ $shift: {...}, window: {...} }`).
 *
 * @example
 * ```ts
 * validateAccumulator({ $min: '$summary.loss' }, 'pipeline.0.$group.best') // ok
 * validateAccumulator({ $function: {} }, 'pipeline.0.$group.best') // throws at pipeline.0.$group.best.$function
 * ```
 * @internal
 */
export function validateAccumulator(value: unknown, at: string, window = false): void {
  const family = window ? WINDOW : ACCUMULATOR
  const keys = isPlainObject(value) ? Object.keys(value).filter((key) => !(window && key === 'window')) : []
  if (!isPlainObject(value) || keys.length !== 1 || !keys[0]!.startsWith('$'))
    throw new FilterCompileError(
      at,
      `expected one ${family.label} such as { $avg: '$summary.loss' }, got ${JSON.stringify(value)}`,
    )
  const name = keys[0]!
  checkName(name, family, `${at}.${name}`)
  validateExpression(value[name], `${at}.${name}`)
  if (window && 'window' in value) validateExpression(value['window'], `${at}.window`)
}

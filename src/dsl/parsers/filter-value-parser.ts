import { FilterCompileError } from '../../errors/filter-compile-error.js'
import type { FilterValue } from '../nodes/predicate-node.js'

const describe = (value: unknown): string =>
  typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'object') : typeof value

/**
 * Validates a literal a filter compares with: JSON data, `Date` or `RegExp` (where allowed).
 *
 * Functions, symbols, bigints, `undefined`, invalid dates and class instances are rejected: a
 * filter is data, never code, and must survive `JSON.stringify` to reach the server.
 *
 * @example
 * ```ts
 * parseFilterValue({ a: [1, 'x'] }, 'config.opt')  // { a: [1, 'x'] }
 * parseFilterValue(() => 1, 'config.opt')
 * // throws FilterCompileError at config.opt: functions are not filter values …
 * ```
 */
export function parseFilterValue(value: unknown, at: string, allowRegExp = false): FilterValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return value
    case 'function':
      throw new FilterCompileError(
        at,
        'functions are not filter values: wandb-rx never runs code from filters',
      )
    case 'undefined':
      throw new FilterCompileError(
        at,
        'undefined is not a filter value: use { $exists: false } for a missing field',
      )
    case 'bigint':
    case 'symbol':
      throw new FilterCompileError(at, `${typeof value} is not a filter value`)
  }
  if (value === null) return null
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new FilterCompileError(at, 'invalid Date')
    return value
  }
  if (value instanceof RegExp) {
    if (!allowRegExp)
      throw new FilterCompileError(at, 'a RegExp is only allowed as a pattern: use { $regex: /…/ }')
    return value
  }
  if (Array.isArray(value)) return value.map((item, i) => parseFilterValue(item, `${at}.${i}`, allowRegExp))
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null)
    throw new FilterCompileError(
      at,
      `${describe(value)} is not a filter value: use plain objects, arrays, strings, numbers, booleans, null or Date`,
    )
  const result: Record<string, FilterValue> = {}
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.startsWith('$'))
      throw new FilterCompileError(
        `${at}.${key}`,
        `operator ${key} inside a literal value: operators cannot be mixed with plain keys`,
      )
    result[key] = parseFilterValue(item, `${at}.${key}`)
  }
  return result
}

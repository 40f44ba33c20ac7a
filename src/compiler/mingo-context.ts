import { Context } from 'mingo/core'
import * as queryOperators from 'mingo/operators/query'
import { Query } from 'mingo/query'
import { compare, ensureArray, isObject, resolve, typeOf } from 'mingo/util'
import type { Criteria } from './pushdown.js'

type QueryOperator = typeof queryOperators.$eq
type Options = Parameters<QueryOperator>[2]
type QueryOps = NonNullable<NonNullable<Parameters<typeof Context.init>[0]>['query']>
type Doc = Record<string, unknown>

/**
 * `$lt`/`$lte`/`$gt`/`$gte` as mingo evaluates them (same-type comparison, array elements
 * unwrapped), except that NaN satisfies none of them. Stock mingo compares NaN as equal to every
 * number, so `{ $lte: 0.2 }` would select a run whose loss diverged to NaN, which the server does
 * not: IEEE semantics keep `matches()` and the server in agreement.
 */
const range =
  (accept: (order: number) => boolean): QueryOperator =>
  (selector: string, value: unknown) =>
  (obj: unknown) =>
    ensureArray(resolve(obj as Doc, selector, { unwrapArray: true })).some(
      (v: unknown) => typeOf(v) === typeOf(value) && !Number.isNaN(v) && accept(compare(v, value)),
    )

/**
 * wandb-rx's `$key`: `{ config: { $key: ['xprun.name', { value: { $eq: 'a' } }] } }` matches when
 * `config['xprun.name']` (one key, dots and all) satisfies the inner criteria, written against
 * `{ value: … }`. Mongo paths cannot address such keys; W&B loggers (Hydra) produce them.
 */
const $key: QueryOperator = (selector: string, value: unknown, options: Options) => {
  const [key, criteria] = value as [string, Criteria]
  const inner = new Query(criteria, options as never)
  return (obj: unknown) => {
    const parent = resolve(obj as Doc, selector)
    const holds = isObject(parent) && Object.prototype.hasOwnProperty.call(parent, key)
    return inner.test(holds ? { value: (parent as Record<string, unknown>)[key] } : {})
  }
}

const OPERATORS: Readonly<Record<string, QueryOperator>> = {
  // mingo types each operator's rhs precisely; the table stores them uniformly.
  $and: queryOperators.$and as QueryOperator,
  $or: queryOperators.$or as QueryOperator,
  $nor: queryOperators.$nor as QueryOperator,
  $not: queryOperators.$not,
  $eq: queryOperators.$eq,
  $ne: queryOperators.$ne,
  $in: queryOperators.$in,
  $nin: queryOperators.$nin,
  $gt: range((order) => order > 0),
  $gte: range((order) => order >= 0),
  $lt: range((order) => order < 0),
  $lte: range((order) => order <= 0),
  $exists: queryOperators.$exists,
  $regex: queryOperators.$regex,
  $size: queryOperators.$size,
  $all: queryOperators.$all,
  $elemMatch: queryOperators.$elemMatch as QueryOperator,
  $mod: queryOperators.$mod,
  $type: queryOperators.$type,
  $key,
}

function collectOperators(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectOperators(item, into))
  else if (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  )
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('$')) into.add(key)
      collectOperators(child, into)
    }
  return into
}

/**
 * A mingo context holding only the query operators these criteria use (plus wandb-rx's NaN-safe
 * comparisons and `$key`). It is passed per query, never registered globally, so the host
 * application's own mingo is untouched; anything outside the table fails to compile.
 *
 * @example
 * ```ts
 * const query = new Query(criteria, { context: mingoContextFor(criteria), scriptEnabled: false })
 * ```
 */
export function mingoContextFor(criteria: Criteria): Context {
  const ops: Record<string, QueryOperator> = {}
  for (const name of collectOperators(criteria, new Set())) {
    const op = OPERATORS[name]
    if (op) ops[name] = op
  }
  return Context.init({ query: ops as QueryOps })
}

import * as queryOperators from 'mingo/operators/query'
import { Query } from 'mingo/query'
import { compare, ensureArray, isObject, resolve, typeOf } from 'mingo/util'
import type { Criteria } from './pushdown.js'

/** One mingo query operator. *
 * @internal
 */
export type QueryOperator = typeof queryOperators.$eq
type Options = Parameters<QueryOperator>[2]
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

/**
 * The query operators wandb-rx evaluates with mingo: stock mingo's, except NaN-safe range
 * comparisons, plus `$key`. Shared by `matches()`/the residual and by `$match` stages of
 * aggregation pipelines, so both agree with the server on NaN.
 *
 * @example
 * ```ts
 * Context.init({ query: { $lt: QUERY_OPERATORS.$lt } })
 * ```
 * @internal
 */
export const QUERY_OPERATORS: Readonly<Record<string, QueryOperator>> = Object.freeze({
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
})

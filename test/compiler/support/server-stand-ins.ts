import { Query } from 'mingo/query'
import { Context } from 'mingo/core'
import * as ops from 'mingo/operators/query'
import { resolve } from 'mingo/util'

type Op = typeof ops.$eq
type Doc = Record<string, unknown>

const present =
  (selector: string, op: Op): Op =>
  (selector_, value, options) => {
    const test = op(selector_, value, options)
    return (obj: Doc) => {
      const v = resolve(obj, selector, { unwrapArray: true })
      return v !== undefined && v !== null && test(obj)
    }
  }

/**
 * A stricter model of W&B's server than MongoDB semantics: SQL-style NULLs (negations never match
 * a missing or null value) and a case-insensitive collation for `$regex`. The compiler must be
 * correct under both models, since W&B does not document which one it follows.
 */
// mingo's index Query merges a given context *under* its own operators, so build complete ones.
const MONGO = Context.init({ query: { ...ops } as never })
const STRICT = Context.init({
  query: {
    ...(ops as unknown as Record<string, Op>),
    $ne: ((selector, value, options) => present(selector, ops.$ne)(selector, value, options)) as Op,
    $nin: ((selector, value, options) => present(selector, ops.$nin as Op)(selector, value, options)) as Op,
    $regex: ((selector, value, options) =>
      ops.$regex(selector, new RegExp((value as RegExp).source, 'i'), options)) as Op,
  },
})

export type ServerModel = 'mongo' | 'strict'

/** The stand-in server: stock mingo (MongoDB semantics) or the strict model. */
export const serverQuery = (filter: Doc, model: ServerModel): Query =>
  new Query(filter, { context: model === 'strict' ? STRICT : MONGO })

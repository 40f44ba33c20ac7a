import { evalExpr } from 'mingo/core'
import { Lazy, type Iterator } from 'mingo/lazy'
import type { Options } from 'mingo/types'
import { compare, isNil, typeOf } from 'mingo/util'

/** The argument of `$bucket`. *
 * @internal
 */
export interface BucketSpec {
  readonly groupBy: unknown
  readonly boundaries: readonly unknown[]
  readonly default?: unknown
  readonly output?: Readonly<Record<string, unknown>>
}

/** True for at least two strictly ascending boundaries of one type (checked again when the pipeline is given). *
 * @internal
 */
export const validBoundaries = (bounds: readonly unknown[]): boolean =>
  bounds.length >= 2 &&
  bounds.every((b, i) => i === 0 || (typeOf(b) === typeOf(bounds[i - 1]) && compare(b, bounds[i - 1]) > 0))

/**
 * Which bucket a `groupBy` value falls in: the index of its lower boundary (inclusive; the upper
 * one is exclusive), or -1 when the value is missing, NaN or outside every bucket.
 *
 * @example
 * ```ts
 * bucketIndex(2, [0, 2, 4])   // 1
 * bucketIndex(4, [0, 2, 4])   // -1
 * ```
 * @internal
 */
export function bucketIndex(value: unknown, bounds: readonly unknown[]): number {
  if (isNil(value) || Number.isNaN(value)) return -1
  for (let i = 0; i + 1 < bounds.length; i++)
    if (
      typeOf(value) === typeOf(bounds[i]) &&
      compare(value, bounds[i]) >= 0 &&
      compare(value, bounds[i + 1]) < 0
    )
      return i
  return -1
}

/**
 * MongoDB's `$bucket`: a value equal to an inner boundary belongs to the bucket it opens, empty
 * buckets are omitted, the `default` bucket comes last, and a value outside the buckets with no
 * `default` is an error. (mingo 7.2's own `$bucket` puts boundary values in the bucket below and
 * emits empty buckets.)
 *
 * @example
 * ```ts
 * Context.init({ pipeline: { $bucket } })
 * ```
 * @internal
 */
export function $bucket(coll: Iterator, expr: unknown, options: Options): Iterator {
  const spec = expr as BucketSpec
  if (!validBoundaries(spec.boundaries))
    throw new Error('$bucket boundaries must be at least two ascending values of one type')
  const output = spec.output ?? { count: { $sum: 1 } }
  return coll.transform((items: unknown[]) => {
    const buckets: unknown[][] = spec.boundaries.slice(1).map(() => [])
    const rest: unknown[] = []
    for (const item of items) {
      const i = bucketIndex(evalExpr(item, spec.groupBy, options), spec.boundaries)
      if (i >= 0) buckets[i]!.push(item)
      else if (spec.default !== undefined) rest.push(item)
      else throw new Error('$bucket: a value outside the boundaries needs a default bucket')
    }
    const summarize = (_id: unknown, members: unknown[]) => ({
      _id,
      ...(evalExpr(members, output, options) as object),
    })
    const docs = buckets.flatMap((members, i) =>
      members.length > 0 ? [summarize(spec.boundaries[i], members)] : [],
    )
    if (rest.length > 0) docs.push(summarize(spec.default, rest))
    return Lazy(docs)
  })
}

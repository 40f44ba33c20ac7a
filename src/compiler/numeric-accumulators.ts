import * as accumulators from 'mingo/operators/accumulator'
import { compare, isNil, isNumber } from 'mingo/util'

type Accumulator = (...args: Parameters<typeof accumulators.$push>) => unknown

/**
 * `$min`/`$max` that skip NaN, as mingo's numeric accumulators (`$avg`, `$sum`, `$stdDevPop`)
 * already do. Stock mingo sorts the values with NaN in them, so the answer depended on input order.
 */
const extreme =
  (pick: (sorted: readonly unknown[]) => unknown): Accumulator =>
  (coll, expr, options) => {
    const values = accumulators
      .$push(coll, expr, options)
      .filter((v) => !isNil(v) && !Number.isNaN(v))
      .sort(compare)
    return values.length === 0 ? null : pick(values)
  }

/** MongoDB's `$stdDevPop`/`$stdDevSamp`: null without enough numbers (mingo 7.2 returns NaN). */
const stdDev =
  (sample: boolean): Accumulator =>
  (coll, expr, options) => {
    const xs = accumulators.$push(coll, expr, options).filter(isNumber)
    if (xs.length < (sample ? 2 : 1)) return null
    const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length
    const squares = xs.reduce((sum, x) => sum + (x - mean) ** 2, 0)
    return Math.sqrt(squares / (xs.length - (sample ? 1 : 0)))
  }

/**
 * Accumulators wandb-rx defines over mingo's: NaN-skipping `$min`/`$max`, and `$stdDevPop`/
 * `$stdDevSamp` that are null (not NaN) without numbers, as in MongoDB.
 *
 * @example
 * ```ts
 * Context.init({ accumulator: { ...accumulators, ...NUMERIC_ACCUMULATORS } })
 * ```
 * @internal
 */
export const NUMERIC_ACCUMULATORS = Object.freeze({
  $min: extreme((sorted) => sorted[0]),
  $max: extreme((sorted) => sorted[sorted.length - 1]),
  $stdDevPop: stdDev(false),
  $stdDevSamp: stdDev(true),
})

import { evalExpr } from 'mingo/core'
import * as accumulators from 'mingo/operators/accumulator'
import type { Options } from 'mingo/types'
import { isNumber } from 'mingo/util'

interface PercentileSpec {
  readonly input: unknown
  readonly p: readonly number[]
  readonly method?: string
}

/**
 * The `p`-th percentile of ascending `sorted` numbers: linear interpolation between the closest
 * ranks for `'exact'`/`'continuous'` (R-7, `p * (n - 1)`), the nearest rank (a value of the data,
 * `sorted[ceil(p * n) - 1]`) otherwise; null for no data.
 */
function percentileOf(sorted: readonly number[], p: number, method: string): number | null {
  const n = sorted.length
  if (n === 0) return null
  if (method === 'exact' || method === 'continuous') {
    const rank = p * (n - 1)
    const low = Math.floor(rank)
    const high = Math.min(low + 1, n - 1)
    return sorted[low]! + (rank - low) * (sorted[high]! - sorted[low]!)
  }
  return sorted[Math.max(0, Math.ceil(p * n) - 1)]!
}

function percentiles(values: readonly unknown[], spec: PercentileSpec): (number | null)[] {
  const ps = spec.p
  if (!Array.isArray(ps) || !ps.every((p) => isNumber(p) && p >= 0 && p <= 1))
    throw new Error("$percentile 'p' must be an array of numbers in [0, 1]")
  const sorted = values.filter(isNumber).sort((a, b) => a - b)
  return ps.map((p) => percentileOf(sorted, p, spec.method ?? 'approximate'))
}

type Coll = Parameters<typeof accumulators.$push>[0]
const inputs = (coll: Coll, spec: PercentileSpec, options: Options) =>
  accumulators.$push(coll, spec.input, options)

/**
 * `$percentile` and `$median` (accumulators and expressions) over numbers sorted numerically:
 * mingo 7.2 sorts them as strings (`[10, 9].sort()`), so `$median` of `[2, 9, 10]` was 10. NaN and
 * non-numbers are ignored, as mingo's other numeric accumulators do.
 *
 * @example
 * ```ts
 * Context.init({ accumulator: PERCENTILE_ACCUMULATORS, expression: PERCENTILE_EXPRESSIONS })
 * ```
 * @internal
 */
export const PERCENTILE_ACCUMULATORS = Object.freeze({
  $percentile: (coll: Coll, expr: unknown, options: Options) =>
    percentiles(inputs(coll, expr as PercentileSpec, options), expr as PercentileSpec),
  $median: (coll: Coll, expr: unknown, options: Options) =>
    percentiles(inputs(coll, expr as PercentileSpec, options), { ...(expr as PercentileSpec), p: [0.5] })[0],
})

/** The expression forms: `{ $median: { input: '$values', method: 'approximate' } }` on one document's array. *
 * @internal
 */
export const PERCENTILE_EXPRESSIONS = Object.freeze({
  $percentile: (obj: unknown, expr: unknown, options: Options) =>
    percentiles([evalExpr(obj, (expr as PercentileSpec).input, options)].flat(), expr as PercentileSpec),
  $median: (obj: unknown, expr: unknown, options: Options) =>
    percentiles([evalExpr(obj, (expr as PercentileSpec).input, options)].flat(), {
      ...(expr as PercentileSpec),
      p: [0.5],
    })[0],
})

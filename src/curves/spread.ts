import type { CurvePoint } from './curve-set.js'

/** The spread of a bucket's run values: a curve point without its bounds. @internal */
export type Spread = Omit<CurvePoint, 'x' | 'x0' | 'x1'>

/**
 * Mean, min, max, population standard deviation (`√(Σ(v − mean)² / n)`, two passes so it
 * stays accurate for values far from 0) and standard error (`std / √n`) of finite numbers.
 *
 * @example
 * ```ts
 * spread([1, 2, 3]) // { mean: 2, min: 1, max: 3, std: 0.8165, stderr: 0.4714, count: 3 }
 * ```
 */
export function spread(values: readonly number[]): Spread {
  const count = values.length
  let sum = 0
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    sum += v
    if (v < min) min = v
    if (v > max) max = v
  }
  // Rounding can put sum / n just outside [min, max] when all values are equal.
  const mean = Math.min(max, Math.max(min, sum / count))
  let squares = 0
  for (const v of values) squares += (v - mean) ** 2
  const std = Math.sqrt(squares / count)
  return { mean, min, max, std, stderr: std / Math.sqrt(count), count }
}

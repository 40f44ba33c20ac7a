/** Axis ticks: round values covering a range, and how many decimals they need. */
export interface Ticks {
  readonly values: readonly number[]
  readonly min: number
  readonly max: number
  readonly decimals: number
}

/**
 * Picks about `count` round tick values (steps of 1, 2 or 5 × 10^k) whose span covers
 * `[min, max]`, the way plotting libraries do. A flat range is widened so the axis has height.
 *
 * @example
 * ```ts
 * niceTicks(0.13, 0.97, 5) // { values: [0, 0.2, 0.4, 0.6, 0.8, 1], min: 0, max: 1, decimals: 1 }
 * ```
 */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1
    min -= pad
    max += pad
  }
  const rough = (max - min) / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  const first = Math.floor(min / step) * step
  const last = Math.ceil(max / step) * step
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9))
  const values: number[] = []
  for (let v = first; v <= last + step / 2; v += step) values.push(Number(v.toFixed(decimals)))
  return { values, min: first, max: last, decimals }
}

/**
 * A tick label: fixed decimals, or exponent form for very large or very small magnitudes.
 *
 * @example
 * ```ts
 * formatTick(0.2, 1)  // '0.2'
 * formatTick(2e6, 0)  // '2e+6'
 * ```
 */
export function formatTick(value: number, decimals: number): string {
  const magnitude = Math.abs(value)
  if (magnitude !== 0 && (magnitude >= 1e6 || decimals > 6)) return value.toExponential(1).replace('.0e', 'e')
  return value.toFixed(decimals)
}

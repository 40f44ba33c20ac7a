import type { CurvePoint } from './curve-set.js'

/** One bucket's centre and bounds. @internal */
export type BucketBounds = Pick<CurvePoint, 'x' | 'x0' | 'x1'>

/**
 * Equal-width x buckets over `[min, max]`, at most `buckets` of them. @internal
 */
export interface CurveBuckets {
  readonly count: number
  /** The bucket holding `x` (`min ≤ x ≤ max`). */
  index(x: number): number
  bounds(i: number): BucketBounds
}

/**
 * Equal-width buckets shared by every group of a curve set.
 *
 * When every x is an integer (steps), buckets hold whole integers: the width is
 * `⌈(max − min + 1) / buckets⌉`, bucket `i` holds `[min + i·w, min + (i+1)·w)` and its centre is
 * the middle of those integers, so with no more distinct steps than buckets each step is its own
 * bucket with `x` = the step. Otherwise the width is `(max − min) / buckets` and the last bucket
 * also holds `max`; a single x value makes one bucket with `x0 = x1 = x`.
 *
 * @example
 * ```ts
 * const b = curveBuckets(0, 9, 100, true)
 * b.count // 10: one per step
 * curveBuckets(0, 999, 100, true).bounds(0) // { x: 4.5, x0: 0, x1: 10 }
 * curveBuckets(0, 1, 4, false).index(1) // 3
 * ```
 */
export function curveBuckets(min: number, max: number, buckets: number, integers: boolean): CurveBuckets {
  if (integers) {
    const width = Math.ceil((max - min + 1) / buckets)
    return {
      count: Math.ceil((max - min + 1) / width),
      index: (x) => Math.floor((x - min) / width),
      bounds: (i) => ({
        x: min + i * width + (width - 1) / 2,
        x0: min + i * width,
        x1: min + (i + 1) * width,
      }),
    }
  }
  if (max === min) return { count: 1, index: () => 0, bounds: () => ({ x: min, x0: min, x1: max }) }
  const width = (max - min) / buckets
  const edge = (i: number) => (i === buckets ? max : min + i * width)
  return {
    count: buckets,
    index: (x) => {
      // The division may round across an edge: settle on the bucket whose bounds hold x.
      let i = Math.max(0, Math.min(buckets - 1, Math.floor((x - min) / width)))
      while (i > 0 && x < edge(i)) i--
      while (i < buckets - 1 && x >= edge(i + 1)) i++
      return i
    },
    bounds: (i) => ({ x: (edge(i) + edge(i + 1)) / 2, x0: edge(i), x1: edge(i + 1) }),
  }
}

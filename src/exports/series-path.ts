/** One point of a line; a non-finite `y` (NaN, ±Infinity, a logged failure) is a gap. */
export interface PlotPoint {
  readonly x: number
  readonly y: number
}

/**
 * Splits a series into runs of consecutive finite points, so a line breaks at NaN instead of
 * drawing through it (W&B's charts do the same).
 *
 * @example
 * ```ts
 * finiteSegments([{ x: 0, y: 1 }, { x: 1, y: NaN }, { x: 2, y: 3 }]) // [[{x:0,y:1}], [{x:2,y:3}]]
 * ```
 */
export function finiteSegments(points: readonly PlotPoint[]): PlotPoint[][] {
  return segmentsWhere(points, (p) => Number.isFinite(p.x) && Number.isFinite(p.y))
}

/**
 * The spread drawn around a line at `x`: from `low` to `high` (min–max, ±std, …).
 *
 * @example
 * ```ts
 * const band: BandPoint[] = [{ x: 0, low: 0.8, high: 1.2 }, { x: 1, low: 0.4, high: 0.7 }]
 * lineChartSvg([{ label: 'adam', points: [{ x: 0, y: 1 }, { x: 1, y: 0.5 }], band }])
 * ```
 */
export interface BandPoint {
  readonly x: number
  readonly low: number
  readonly high: number
}

/**
 * The SVG path data of a band in screen coordinates: one closed shape per run of finite
 * points, along `high` left to right and back along `low`, so a band has gaps where its line has.
 *
 * @example
 * ```ts
 * bandPathData([{ x: 0, low: 9, high: 1 }, { x: 4, low: 8, high: 2 }]) // 'M0 1L4 2L4 8L0 9Z'
 * ```
 */
export function bandPathData(points: readonly BandPoint[]): string {
  const finite = (p: BandPoint) => Number.isFinite(p.x) && Number.isFinite(p.low) && Number.isFinite(p.high)
  return segmentsWhere(points, finite)
    .map((segment) => {
      const high = segment.map((p) => ({ x: p.x, y: p.high }))
      const low = segment.map((p) => ({ x: p.x, y: p.low })).reverse()
      return `${pathData(high)}${pathData(low).replace(/^M/, 'L')}Z`
    })
    .join('')
}

function segmentsWhere<T>(points: readonly T[], keep: (point: T) => boolean): T[][] {
  const segments: T[][] = []
  let current: T[] = []
  for (const point of points) {
    if (keep(point)) current.push(point)
    else if (current.length > 0) {
      segments.push(current)
      current = []
    }
  }
  if (current.length > 0) segments.push(current)
  return segments
}

/**
 * The SVG path data of one segment in screen coordinates, rounded to 0.1 px to keep files small.
 *
 * @example
 * ```ts
 * pathData([{ x: 0, y: 10 }, { x: 5.04, y: 2 }]) // 'M0 10L5 2'
 * ```
 */
export function pathData(points: readonly PlotPoint[]): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x * 10) / 10} ${Math.round(p.y * 10) / 10}`)
    .join('')
}

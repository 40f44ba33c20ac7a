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
  const segments: PlotPoint[][] = []
  let current: PlotPoint[] = []
  for (const point of points) {
    if (Number.isFinite(point.x) && Number.isFinite(point.y)) current.push(point)
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

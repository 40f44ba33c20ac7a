import type { CurvePoint, CurveSet } from '../curves/curve-set.js'
import type { PlotSeries } from './line-chart-svg.js'

/**
 * The spread drawn around a group's mean: min to max, mean ± std, or mean ± stderr.
 *
 * @example
 * ```ts
 * const band: CurveBand = 'stderr'
 * curveSeries(set, band)
 * ```
 */
export type CurveBand = 'minmax' | 'std' | 'stderr'

const BOUNDS: Readonly<Record<CurveBand, (p: CurvePoint) => readonly [number, number]>> = {
  minmax: (p) => [p.min, p.max],
  std: (p) => [p.mean - p.std, p.mean + p.std],
  stderr: (p) => [p.mean - p.stderr, p.mean + p.stderr],
}

/**
 * Turns grouped curves into chart series for {@link lineChartSvg}: per group, the mean line, a
 * band (`minmax` by default), the group's label and its run count as the legend detail.
 *
 * @example
 * ```ts
 * const set = await firstValueFrom(api.runs('team/mnist').curves({ key: 'loss', groupBy: 'config.optimizer' }))
 * writeFileSync('loss.svg', lineChartSvg(curveSeries(set, 'std'), { yLabel: set.key, xLabel: set.x }))
 * // Output: one mean line per optimizer, with a ±std band; legend "adam 3 runs", "sgd 2 runs"
 * ```
 */
export function curveSeries(set: CurveSet, band: CurveBand = 'minmax'): PlotSeries[] {
  const bounds = BOUNDS[band]
  return set.groups.map((group) => ({
    label: group.label,
    detail: `${group.runIds.length} run${group.runIds.length === 1 ? '' : 's'}`,
    points: group.points.map((p) => ({ x: p.x, y: p.mean })),
    band: group.points.map((p) => {
      const [low, high] = bounds(p)
      return { x: p.x, low, high }
    }),
  }))
}

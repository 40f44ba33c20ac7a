import type uPlot from 'uplot'
import type { CurveSet } from 'wandb-rx'

/** uPlot's data, series and bands for grouped curves, and the legend entries. */
export interface GroupedPlot {
  readonly data: uPlot.AlignedData
  readonly series: uPlot.Series[]
  readonly bands: uPlot.Band[]
  readonly legend: readonly { readonly label: string; readonly runs: number; readonly color: string }[]
}

/**
 * Lays grouped curves out for uPlot: per group a mean line and, drawn as a translucent band
 * between them, two edge series (min and max) with no stroke. Groups share their x buckets,
 * so the x values are the union of the groups' bucket centres; a group without a value in a
 * bucket has a gap there.
 */
export function groupedPlot(set: CurveSet, colors: readonly string[]): GroupedPlot {
  const xs = [...new Set(set.groups.flatMap((g) => g.points.map((p) => p.x)))].sort((a, b) => a - b)
  const data: (number | null)[][] = []
  const series: uPlot.Series[] = []
  const bands: uPlot.Band[] = []
  set.groups.forEach((group, i) => {
    const color = colors[i % colors.length] ?? '#888'
    const at = new Map(group.points.map((p) => [p.x, p]))
    const column = (pick: (p: { mean: number; min: number; max: number }) => number) =>
      xs.map((x) => {
        const point = at.get(x)
        return point ? pick(point) : null
      })
    const first = 1 + data.length
    data.push(
      column((p) => p.mean),
      column((p) => p.max),
      column((p) => p.min),
    )
    const edge = { stroke: 'transparent', width: 0, points: { show: false } }
    series.push(
      { label: group.label, stroke: color, width: 2, points: { show: false } },
      { ...edge, label: `${group.label} max` },
      { ...edge, label: `${group.label} min` },
    )
    bands.push({ series: [first + 1, first + 2], fill: `${color}33` })
  })
  const legend = set.groups.map((group, i) => ({
    label: group.label,
    runs: group.runIds.length,
    color: colors[i % colors.length] ?? '#888',
  }))
  return { data: [xs, ...data], series, bands, legend }
}

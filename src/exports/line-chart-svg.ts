import { formatTick, niceTicks, type Ticks } from './nice-ticks.js'
import { bandPathData, finiteSegments, pathData, type BandPoint, type PlotPoint } from './series-path.js'
import { svgEscape } from './svg-escape.js'

/**
 * One line of a chart: usually one run's values of one key against `_step`, or a group's mean
 * curve with its spread as a `band`.
 */
export interface PlotSeries {
  readonly label: string
  readonly points: readonly PlotPoint[]
  /** A translucent area around the line in the series' colour (e.g. the group's min–max). */
  readonly band?: readonly BandPoint[]
  /** Shown after the label in the legend, never cut (e.g. `3 runs`). */
  readonly detail?: string
}

/** Options of {@link lineChartSvg}. */
export interface LineChartOptions {
  readonly title?: string
  readonly xLabel?: string
  readonly yLabel?: string
  /** Size of the whole image in px (default 800 × 450). */
  readonly width?: number
  readonly height?: number
}

/** Tableau 10: distinguishable, colour-blind-friendlier than a rainbow. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
]
const MARGIN = { top: 40, right: 180, bottom: 50, left: 70 }

/**
 * Renders a line chart as a standalone SVG document: axes with round ticks, grid, one coloured
 * line per series (over its translucent `band`, when it has one: bands are drawn first so no
 * line is hidden), a legend, and gaps where values are NaN or infinite. Pure string building,
 * no DOM, so it runs in Node and browsers alike.
 *
 * @example
 * ```ts
 * const svg = lineChartSvg([{ label: 'run-a', points: [{ x: 0, y: 1 }, { x: 1, y: 0.5 }] }], { yLabel: 'loss' })
 * writeFileSync('loss.svg', svg) // Output: '<svg xmlns="http://www.w3.org/2000/svg" …'
 * ```
 */
export function lineChartSvg(series: readonly PlotSeries[], options: LineChartOptions = {}): string {
  const width = options.width ?? 800
  const height = options.height ?? 450
  const plot = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom }
  const finite = series
    .flatMap((s) => [
      ...s.points,
      ...(s.band ?? []).flatMap((b) => [
        { x: b.x, y: b.low },
        { x: b.x, y: b.high },
      ]),
    ])
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ]
  if (options.title)
    out.push(text(width / 2, 24, options.title, 'middle', 'font-size="15" font-weight="bold"'))
  if (finite.length === 0) {
    out.push(text(MARGIN.left + plot.w / 2, MARGIN.top + plot.h / 2, 'no data', 'middle', 'fill="#888"'))
  } else {
    const xs = niceTicks(...extent(finite.map((p) => p.x)), 8)
    const ys = niceTicks(...extent(finite.map((p) => p.y)), 6)
    const sx = (x: number) => MARGIN.left + ((x - xs.min) / (xs.max - xs.min)) * plot.w
    const sy = (y: number) => MARGIN.top + plot.h - ((y - ys.min) / (ys.max - ys.min)) * plot.h
    out.push(...axes(xs, ys, sx, sy, plot))
    series.forEach((s, i) => {
      const band = bandPathData((s.band ?? []).map((b) => ({ x: sx(b.x), low: sy(b.low), high: sy(b.high) })))
      const color = PALETTE[i % PALETTE.length] as string
      if (band !== '')
        out.push(`<path class="band" d="${band}" fill="${color}" fill-opacity="0.2" stroke="none"/>`)
    })
    series.forEach((s, i) => {
      const color = PALETTE[i % PALETTE.length] as string
      for (const segment of finiteSegments(s.points)) {
        const screen = segment.map((p) => ({ x: sx(p.x), y: sy(p.y) }))
        if (screen.length === 1)
          out.push(`<circle cx="${round(screen[0]!.x)}" cy="${round(screen[0]!.y)}" r="2" fill="${color}"/>`)
        else out.push(`<path d="${pathData(screen)}" fill="none" stroke="${color}" stroke-width="1.5"/>`)
      }
    })
  }
  out.push(...legend(series, width - MARGIN.right + 16, MARGIN.top))
  if (options.xLabel) out.push(text(MARGIN.left + plot.w / 2, height - 10, options.xLabel, 'middle'))
  if (options.yLabel) {
    const y = MARGIN.top + plot.h / 2
    out.push(
      `<text x="16" y="${y}" text-anchor="middle" transform="rotate(-90 16 ${y})">${svgEscape(options.yLabel)}</text>`,
    )
  }
  out.push('</svg>', '')
  return out.join('\n')
}

function axes(
  xs: Ticks,
  ys: Ticks,
  sx: (x: number) => number,
  sy: (y: number) => number,
  plot: { w: number; h: number },
): string[] {
  const bottom = MARGIN.top + plot.h
  const lines: string[] = []
  for (const v of xs.values) {
    lines.push(
      `<line x1="${round(sx(v))}" x2="${round(sx(v))}" y1="${MARGIN.top}" y2="${bottom}" stroke="#eee"/>`,
    )
    lines.push(text(sx(v), bottom + 18, formatTick(v, xs.decimals), 'middle'))
  }
  for (const v of ys.values) {
    lines.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plot.w}" y1="${round(sy(v))}" y2="${round(sy(v))}" stroke="#eee"/>`,
    )
    lines.push(text(MARGIN.left - 8, sy(v) + 4, formatTick(v, ys.decimals), 'end'))
  }
  lines.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plot.w}" height="${plot.h}" fill="none" stroke="#333"/>`,
  )
  return lines
}

function legend(series: readonly PlotSeries[], x: number, y: number): string[] {
  return series.flatMap((s, i) => {
    const top = y + i * 20
    const color = PALETTE[i % PALETTE.length] as string
    const room = s.detail ? Math.max(8, 24 - s.detail.length) : 22
    const label = s.label.length > room ? `${s.label.slice(0, room - 1)}…` : s.label
    const detail = s.detail ? ` <tspan fill="#666">${svgEscape(s.detail)}</tspan>` : ''
    return [
      `<line x1="${x}" x2="${x + 20}" y1="${top}" y2="${top}" stroke="${color}" stroke-width="3"/>`,
      `<text x="${x + 26}" y="${top + 4}" text-anchor="start">${svgEscape(label)}${detail}</text>`,
    ]
  })
}

/** Min and max without spreading (a spread of a million points overflows the stack). */
function extent(values: readonly number[]): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  return [min, max]
}

const round = (n: number) => Math.round(n * 10) / 10

const text = (x: number, y: number, content: string, anchor: string, extra = '') =>
  `<text x="${round(x)}" y="${round(y)}" text-anchor="${anchor}"${extra ? ` ${extra}` : ''}>${svgEscape(content)}</text>`

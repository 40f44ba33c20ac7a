import { describe, expect, it } from 'vitest'
import { lineChartSvg } from '../../src/exports/line-chart-svg.js'
import { formatTick, niceTicks } from '../../src/exports/nice-ticks.js'
import { bandPathData, finiteSegments } from '../../src/exports/series-path.js'
import { pathPoints, svgElements } from './svg-elements.js'

describe('niceTicks', () => {
  it.each([
    [0.13, 0.97, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, 100, 4, [0, 50, 100]],
    [3, 3, 5, [2.6, 2.8, 3, 3.2, 3.4]],
    [-12, 7, 4, [-15, -10, -5, 0, 5, 10]],
  ])('niceTicks(%s, %s, %s)', (min, max, count, values) => {
    expect(niceTicks(min, max, count).values).toEqual(values)
  })

  it('formats large and small ticks compactly', () => {
    expect(formatTick(0.2, 1)).toBe('0.2')
    expect(formatTick(2_000_000, 0)).toBe('2e+6')
  })
})

describe('finiteSegments', () => {
  it('breaks lines at NaN and infinities', () => {
    const points = [1, 2, NaN, 4, Infinity, 6, 7].map((y, x) => ({ x, y }))
    expect(finiteSegments(points).map((s) => s.map((p) => p.y))).toEqual([[1, 2], [4], [6, 7]])
  })
})

describe('lineChartSvg', () => {
  const svg = lineChartSvg(
    [
      { label: 'run <a>', points: [0, 1, 2, 3].map((x) => ({ x, y: 1 / (x + 1) })) },
      {
        label: 'run-b',
        points: [
          { x: 0, y: 2 },
          { x: 1, y: NaN },
          { x: 2, y: 0.5 },
          { x: 3, y: 0.4 },
        ],
      },
    ],
    { title: 'loss', xLabel: '_step', yLabel: 'loss' },
  )

  it('is a standalone SVG with one path per finite segment, a legend and escaped labels', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
    expect(svg.match(/<path /g)).toHaveLength(2) // run-b's first point is isolated by the NaN
    expect(svg.match(/<circle /g)).toHaveLength(1)
    expect(svg).toContain('run &lt;a&gt;')
    expect(svg).toContain('>run-b</text>')
    expect(svg).not.toContain('NaN')
  })

  it('says so when there is nothing to draw', () => {
    expect(lineChartSvg([{ label: 'empty', points: [] }])).toContain('no data')
  })
})

describe('lineChartSvg with bands', () => {
  const mean = [0, 1, 2, 3].map((x) => ({ x, y: 10 - x }))
  const band = [0, 1, 2, 3].map((x) => ({ x, low: 8 - x, high: x === 2 ? NaN : 12 - x }))
  const svg = lineChartSvg(
    [
      { label: 'adam', detail: '3 runs', points: mean, band },
      {
        label: 'sgd & co',
        detail: '1 run',
        points: [
          { x: 0, y: 20 },
          { x: 3, y: 0 },
        ],
      },
    ],
    { height: 450 },
  )

  it('draws each band under the lines, in the series colour, split where the band is not finite', () => {
    const paths = svgElements(svg, 'path')
    const bands = paths.filter((p) => p.attrs['class'] === 'band')
    expect(bands).toHaveLength(1)
    expect(paths.indexOf(bands[0]!)).toBe(0) // drawn first, so no line is hidden
    const lines = paths.filter((p) => p.attrs['class'] !== 'band')
    expect(bands[0]!.attrs['fill']).toBe(lines[0]!.attrs['stroke'])
    expect(bands[0]!.attrs['fill-opacity']).toBe('0.2')
    const shapes = bands[0]!.attrs['d']!.split('Z').filter((s) => s !== '')
    expect(shapes).toHaveLength(2) // x 0–1, then x 3 alone
    const [first] = shapes.map(pathPoints)
    const line = pathPoints(lines[0]!.attrs['d']!)
    expect(first!.map((p) => p.x)).toEqual([line[0]!.x, line[1]!.x, line[1]!.x, line[0]!.x])
    // Screen y grows downwards: high above the mean line, low below it.
    expect(first![0]!.y).toBeLessThan(line[0]!.y)
    expect(first![3]!.y).toBeGreaterThan(line[0]!.y)
  })

  it('scales the y axis to the bands and lists label and detail in the legend', () => {
    const ticks = svgElements(svg, 'text')
      .filter((t) => t.attrs['text-anchor'] === 'end')
      .map((t) => Number(t.text))
    expect(Math.min(...ticks)).toBeLessThanOrEqual(0)
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(20)
    const legend = svgElements(svg, 'text').filter((t) => t.attrs['text-anchor'] === 'start')
    expect(legend.map((t) => t.text)).toEqual(['adam 3 runs', 'sgd & co 1 run'])
  })

  it('is deterministic', () => {
    expect(lineChartSvg([{ label: 'adam', points: mean, band }])).toBe(
      lineChartSvg([{ label: 'adam', points: mean, band }]),
    )
  })
})

describe('bandPathData', () => {
  it('closes each finite run along high, then back along low', () => {
    expect(
      bandPathData([
        { x: 0, low: 9, high: 1 },
        { x: 4, low: 8, high: 2 },
      ]),
    ).toBe('M0 1L4 2L4 8L0 9Z')
    expect(bandPathData([{ x: 0, low: NaN, high: 1 }])).toBe('')
  })
})

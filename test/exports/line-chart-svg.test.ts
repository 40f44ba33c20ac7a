import { describe, expect, it } from 'vitest'
import { lineChartSvg } from '../../src/exports/line-chart-svg.js'
import { formatTick, niceTicks } from '../../src/exports/nice-ticks.js'
import { finiteSegments } from '../../src/exports/series-path.js'

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

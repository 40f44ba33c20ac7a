import { describe, expect, it } from 'vitest'
import { groupedPlot } from '../../dashboard/grouped-plot.js'
import { groupCurves } from '../../src/curves/group-curves.js'
import { makeRun } from '../../src/testing/make-run.js'

describe('groupedPlot (the dashboard chart of grouped curves)', () => {
  const series = [
    { opt: 'adam', scale: 1, steps: [0, 1, 2] },
    { opt: 'adam', scale: 3, steps: [0, 1, 2] },
    { opt: 'sgd', scale: 10, steps: [1, 2, 3] },
  ].map(({ opt, scale, steps }, i) => ({
    run: makeRun({ id: `r${i}`, config: { opt } }),
    rows: steps.map((step) => ({ _step: step, loss: scale * (step + 1) })),
  }))
  const plot = groupedPlot(groupCurves(series, { key: 'loss', groupBy: 'config.opt' }), [
    '#111111',
    '#222222',
  ])

  it('gives each group a mean column and max/min columns joined by a band in its colour', () => {
    expect(plot.data[0]).toEqual([0, 1, 2, 3])
    expect(plot.data.slice(1)).toEqual([
      [2, 4, 6, null], // adam mean
      [3, 6, 9, null], // adam max
      [1, 2, 3, null], // adam min
      [null, 20, 30, 40], // sgd: one run, so mean = max = min
      [null, 20, 30, 40],
      [null, 20, 30, 40],
    ])
    expect(plot.bands).toEqual([
      { series: [2, 3], fill: '#11111133' },
      { series: [5, 6], fill: '#22222233' },
    ])
    expect(plot.series.map((s) => [s.label, s.stroke])).toEqual([
      ['adam', '#111111'],
      ['adam max', 'transparent'],
      ['adam min', 'transparent'],
      ['sgd', '#222222'],
      ['sgd max', 'transparent'],
      ['sgd min', 'transparent'],
    ])
    expect(plot.legend).toEqual([
      { label: 'adam', runs: 2, color: '#111111' },
      { label: 'sgd', runs: 1, color: '#222222' },
    ])
  })
})

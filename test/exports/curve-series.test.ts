import { describe, expect, it } from 'vitest'
import { curveSeries } from '../../src/exports/curve-series.js'
import type { CurveSet } from '../../src/curves/curve-set.js'

describe('curveSeries', () => {
  const point = { x: 5, x0: 0, x1: 10, mean: 2, min: 1, max: 4, std: 0.5, stderr: 0.25, count: 4 }
  const set: CurveSet = {
    key: 'loss',
    x: '_step',
    groupBy: ['config.optimizer'],
    groups: [
      {
        id: { 'config.optimizer': 'adam' },
        label: 'adam',
        runIds: ['a', 'b', 'c', 'd'],
        points: [point],
        skipped: 0,
      },
      { id: { 'config.optimizer': 'sgd' }, label: 'sgd', runIds: ['e'], points: [], skipped: 2 },
    ],
  }

  it.each([
    ['minmax', 1, 4],
    ['std', 1.5, 2.5],
    ['stderr', 1.75, 2.25],
  ] as const)('draws the mean with a %s band', (band, low, high) => {
    const [adam] = curveSeries(set, band)
    expect(adam).toEqual({
      label: 'adam',
      detail: '4 runs',
      points: [{ x: 5, y: 2 }],
      band: [{ x: 5, low, high }],
    })
  })

  it('defaults to min–max and says "1 run" for a group of one', () => {
    expect(curveSeries(set).map((s) => [s.label, s.detail, s.band?.[0]?.low])).toEqual([
      ['adam', '4 runs', 1],
      ['sgd', '1 run', undefined],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { groupCurves } from '../../src/curves/group-curves.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'
import { makeRun } from '../../src/testing/make-run.js'

const run = (id: string, config: Record<string, unknown> = {}, extra: Parameters<typeof makeRun>[0] = {}) =>
  makeRun({ id, config, ...extra })
const steps = (values: readonly unknown[], start = 0) => values.map((loss, i) => ({ _step: start + i, loss }))

describe('groupCurves: worked examples', () => {
  it('gives each step its own bucket when there are fewer steps than buckets', () => {
    const set = groupCurves(
      [
        { run: run('a', { opt: 'adam' }), rows: steps([1, 0.5]) },
        { run: run('b', { opt: 'adam' }), rows: steps([3, NaN]) },
        { run: run('c', { opt: 'sgd' }), rows: steps([2, 'x', Infinity]) },
      ],
      { key: 'loss', groupBy: 'config.opt' },
    )
    expect(set).toEqual({
      key: 'loss',
      x: '_step',
      groupBy: ['config.opt'],
      groups: [
        {
          id: { 'config.opt': 'adam' },
          label: 'adam',
          runIds: ['a', 'b'],
          points: [
            { x: 0, x0: 0, x1: 1, mean: 2, min: 1, max: 3, std: 1, stderr: 1 / Math.sqrt(2), count: 2 },
            { x: 1, x0: 1, x1: 2, mean: 0.5, min: 0.5, max: 0.5, std: 0, stderr: 0, count: 1 },
          ],
          skipped: 1,
        },
        {
          id: { 'config.opt': 'sgd' },
          label: 'sgd',
          runIds: ['c'],
          points: [{ x: 0, x0: 0, x1: 1, mean: 2, min: 2, max: 2, std: 0, stderr: 0, count: 1 }],
          skipped: 2,
        },
      ],
    })
    expect(Object.isFrozen(set.groups[0]?.points[0])).toBe(true)
  })

  it('averages each run within a bucket first, so a dense run weighs as much as a sparse one', () => {
    const dense = { run: run('dense'), rows: steps([0, 0, 0, 0, 0, 0, 0, 0, 0, 10]) } // mean 1 over 0..9
    const sparse = { run: run('sparse'), rows: [{ _step: 5, loss: 3 }] }
    const [group] = groupCurves([dense, sparse], { key: 'loss', buckets: 1 }).groups
    expect(group?.label).toBe('all runs')
    expect(group?.points).toEqual([
      { x: 4.5, x0: 0, x1: 10, mean: 2, min: 1, max: 3, std: 1, stderr: 1 / Math.sqrt(2), count: 2 },
    ])
  })

  it('aligns runs logged at different steps into whole-integer buckets', () => {
    const a = { run: run('a'), rows: [0, 10, 20, 30].map((s) => ({ _step: s, loss: s })) }
    const b = { run: run('b'), rows: [5, 15, 25, 39].map((s) => ({ _step: s, loss: s })) }
    const points = groupCurves([a, b], { key: 'loss', buckets: 4 }).groups[0]?.points
    expect(points?.map((p) => [p.x0, p.x1, p.x, p.mean, p.count])).toEqual([
      [0, 10, 4.5, 2.5, 2],
      [10, 20, 14.5, 12.5, 2],
      [20, 30, 24.5, 22.5, 2],
      [30, 40, 34.5, 34.5, 2],
    ])
  })

  it('uses equal float buckets for a non-integer x, the last one holding the maximum', () => {
    const rows = [0, 0.5, 1, 1.5, 2].map((t, i) => ({ _step: i, _runtime: t, loss: i }))
    const points = groupCurves([{ run: run('a'), rows }], { key: 'loss', x: '_runtime', buckets: 2 })
      .groups[0]?.points
    expect(points?.map((p) => [p.x0, p.x1, p.x, p.mean])).toEqual([
      [0, 1, 0.5, 0.5],
      [1, 2, 1.5, 3],
    ])
  })

  it('reads nested and flat dotted keys', () => {
    const rows = [
      { _step: 0, train: { loss: 1 } },
      { _step: 1, 'train.loss': 2 },
    ]
    const points = groupCurves([{ run: run('a'), rows }], { key: 'train.loss' }).groups[0]?.points
    expect(points?.map((p) => p.mean)).toEqual([1, 2])
  })
})

describe('groupCurves: edge cases', () => {
  it('returns no groups for no series', () => {
    expect(groupCurves([], { key: 'loss' })).toEqual({ key: 'loss', x: '_step', groupBy: [], groups: [] })
  })

  it('keeps a group whose values are all NaN or missing, with no points', () => {
    const set = groupCurves(
      [
        { run: run('a'), rows: steps([NaN, -Infinity]) },
        { run: run('b'), rows: [{ _step: 0, acc: 1 }] },
        { run: run('c'), rows: [] },
      ],
      { key: 'loss' },
    )
    expect(set.groups).toEqual([
      { id: {}, label: 'all runs', runIds: ['a', 'b', 'c'], points: [], skipped: 3 },
    ])
  })

  it('makes one degenerate bucket for a single non-integer x', () => {
    const rows = [
      { _step: 0, t: 0.5, loss: 1 },
      { _step: 1, t: 0.5, loss: 3 },
    ]
    expect(groupCurves([{ run: run('a'), rows }], { key: 'loss', x: 't' }).groups[0]?.points).toEqual([
      { x: 0.5, x0: 0.5, x1: 0.5, mean: 2, min: 2, max: 2, std: 0, stderr: 0, count: 1 },
    ])
  })

  it('skips rows whose x is missing or not finite', () => {
    const rows = [
      { _step: 0, t: NaN, loss: 1 },
      { _step: 1, loss: 2 },
      { _step: 2, t: 3, loss: 3 },
    ]
    const [group] = groupCurves([{ run: run('a'), rows }], { key: 'loss', x: 't' }).groups
    expect(group?.points.map((p) => [p.x, p.mean])).toEqual([[3, 3]])
    expect(group?.skipped).toBe(2)
  })

  it('groups missing values as (none), arrays as a whole, tags in any order, sorted by label', () => {
    const set = groupCurves(
      [
        { run: run('a', { lr: 0.01, layers: [2, 1] }, { tags: ['b', 'a'] }), rows: steps([1]) },
        { run: run('b', { lr: 0.1, layers: [1, 2] }, { tags: ['a', 'b'] }), rows: steps([2]) },
        { run: run('c', { layers: [2, 1] }), rows: steps([3]) },
        { run: run('d', { lr: 0.001 }), rows: steps([4]) },
      ],
      { key: 'loss', groupBy: ['config.lr', 'tags'] },
    )
    expect(set.groups.map((g) => [g.label, g.runIds])).toEqual([
      ['(none), []', ['c']],
      ['0.001, []', ['d']],
      ['0.01, [a, b]', ['a']],
      ['0.1, [a, b]', ['b']],
    ])
    expect(set.groups[0]?.id).toEqual({ 'config.lr': null, tags: [] })
    const byLayers = groupCurves(
      set.groups.flatMap((g) =>
        g.runIds.map((id) => ({
          run: run(id, id === 'd' ? {} : { layers: id === 'b' ? [1, 2] : [2, 1] }),
          rows: steps([1]),
        })),
      ),
      { key: 'loss', groupBy: 'config.layers' },
    )
    expect(byLayers.groups.map((g) => [g.label, g.runIds])).toEqual([
      ['(none)', ['d']],
      ['[1, 2]', ['b']],
      ['[2, 1]', ['c', 'a']],
    ])
  })

  it('groups by run fields such as group and sweepName, numbers in numeric label order', () => {
    const set = groupCurves(
      [
        { run: run('a', {}, { group: 'run-10' }), rows: steps([1]) },
        { run: run('b', {}, { group: 'run-9' }), rows: steps([2]) },
        { run: run('c', {}, { group: 'run-10' }), rows: steps([3]) },
      ],
      { key: 'loss', groupBy: 'group' },
    )
    expect(set.groups.map((g) => [g.label, g.runIds, g.points[0]?.mean])).toEqual([
      ['run-9', ['b'], 2],
      ['run-10', ['a', 'c'], 2],
    ])
  })
})

describe('groupCurves: options', () => {
  const series = [{ run: run('a'), rows: steps([1]) }]
  it.each([
    [{ key: '' }, 'key'],
    [{ key: 'loss', x: '' }, 'x'],
    [{ key: 'loss', buckets: 0 }, 'buckets'],
    [{ key: 'loss', buckets: 2.5 }, 'buckets'],
    [{ key: 'loss', groupBy: 'summary_metrics.loss' }, 'groupBy'],
    [{ key: 'loss', groupBy: ['config.lr', 'nope'] }, 'groupBy.1'],
    [{ key: 'loss', groupBy: ['config.lr', ''] }, 'groupBy.1'],
    [{ key: 'loss', groupBy: 'state.x' }, 'groupBy'],
  ])('rejects %j with FilterCompileError at %s', (options, path) => {
    let error: unknown
    try {
      groupCurves(series, options as never)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(FilterCompileError)
    expect((error as FilterCompileError).path).toBe(path)
  })
})

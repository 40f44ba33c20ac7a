import { describe, expect, it } from 'vitest'
import { parseAggSpec } from '../../src/cli/agg-spec.js'
import { aggregationOf } from '../../src/cli/aggregation-options.js'
import { groupPipeline } from '../../src/cli/group-pipeline.js'
import { resultTable } from '../../src/cli/result-table.js'
import { UsageError } from '../../src/cli/usage-error.js'
import { aggregateRuns } from '../../src/compiler/aggregate-runs.js'
import type { Pipeline } from '../../src/dsl/types/pipeline.js'
import { makeRun } from '../../src/testing/make-run.js'

describe('parseAggSpec', () => {
  it('reads name=fn(path) items, count() without a path, and a leading $ on paths', () => {
    expect(
      parseAggSpec('best=min(summary.loss), n=count(),m=mean($summary.eval/loss), q=p90(config.lr)'),
    ).toEqual([
      { name: 'best', fn: 'min', path: 'summary.loss' },
      { name: 'n', fn: 'count' },
      { name: 'm', fn: 'mean', path: 'summary.eval/loss' },
      { name: 'q', fn: 'p90', path: 'config.lr' },
    ])
  })

  it.each([
    ['best=minn(summary.loss)', /"best=minn\(summary.loss\)": unknown function minn/],
    ['best=min(summary.loss),', /"": expected name=fn\(path\)/],
    ['best min(summary.loss)', /"best min\(summary.loss\)": expected name=fn\(path\)/],
    ['n=count(summary.loss)', /"n=count\(summary.loss\)": count\(\) takes no path/],
    ['m=max()', /"m=max\(\)": max\(\) needs a path/],
    ['m=max(summary..loss)', /"m=max\(summary..loss\)": bad path "summary..loss"/],
    ['m=p100(summary.loss)', /unknown function p100/],
    ['a=count(),a=max(x)', /"a": the name a is used twice/],
    ['_id=count()', /"_id=count\(\)": expected name=fn/],
  ])('rejects %j naming the bad part', (spec, message) => {
    expect(() => parseAggSpec(spec)).toThrow(UsageError)
    expect(() => parseAggSpec(spec)).toThrow(message)
  })
})

describe('groupPipeline', () => {
  const docs = [
    { id: 'a', config: { optimizer: 'adam', lr: 0.1 }, summary: { loss: 0.2 } },
    { id: 'b', config: { optimizer: 'adam', lr: 0.3 }, summary: { loss: 0.6 } },
    { id: 'c', config: { optimizer: 'adam', lr: 0.5 }, summary: { loss: 0.4 } },
    { id: 'd', config: { optimizer: 'sgd', lr: 1 }, summary: { loss: 1.5 } },
    { id: 'e', config: { lr: 1 }, summary: { loss: 3 } },
  ]
  const runs = docs.map((doc) => makeRun(doc))
  const aggregate = (
    runs: readonly ReturnType<typeof makeRun>[],
    pipeline: readonly Record<string, unknown>[],
  ) => aggregateRuns(runs, pipeline as Pipeline)

  it('groups by a dotted path: the group value comes back under its path, sorted by group', () => {
    const { pipeline, columns } = groupPipeline(
      ['config.optimizer'],
      parseAggSpec(
        'best=min(summary.loss),worst=max(summary.loss),n=count(),m=avg(summary.loss),first=first(id)',
      ),
    )
    expect(pipeline[0]).toEqual({
      $group: {
        _id: { config_optimizer: '$config.optimizer' },
        best: { $min: '$summary.loss' },
        worst: { $max: '$summary.loss' },
        n: { $sum: 1 },
        m: { $avg: '$summary.loss' },
        first: { $first: '$id' },
      },
    })
    expect(columns).toEqual(['config.optimizer', 'best', 'worst', 'n', 'm', 'first'])
    const table = resultTable(aggregate(runs, pipeline), columns)
    expect(table.columns).toEqual(columns)
    expect(table.rows).toEqual([
      { 'config.optimizer': null, best: 3, worst: 3, n: 1, m: 3, first: 'e' },
      { 'config.optimizer': 'adam', best: 0.2, worst: 0.6, n: 3, m: expect.closeTo(0.4, 12), first: 'a' },
      { 'config.optimizer': 'sgd', best: 1.5, worst: 1.5, n: 1, m: 1.5, first: 'd' },
    ])
  })

  it('computes std (population), median and percentiles, unwrapping $percentile', () => {
    const { pipeline, columns } = groupPipeline(
      [],
      parseAggSpec('s=std(config.lr),ss=stdSamp(config.lr),med=median(summary.loss),p80=p80(summary.loss)'),
    )
    const [row] = resultTable(aggregate(runs, pipeline), columns).rows
    const lrs = docs.map((r) => r.config.lr)
    const mean = lrs.reduce((a, b) => a + b) / lrs.length
    const squares = lrs.reduce((sum, lr) => sum + (lr - mean) ** 2, 0)
    expect(row?.['s']).toBeCloseTo(Math.sqrt(squares / lrs.length), 12)
    expect(row?.['ss']).toBeCloseTo(Math.sqrt(squares / (lrs.length - 1)), 12)
    expect(row?.['med']).toBe(0.6) // sorted 0.2 0.4 0.6 1.5 3
    expect(row?.['p80']).toBe(1.5)
  })

  it('keys several group paths apart in _id and sorts by each', () => {
    const { pipeline } = groupPipeline(['config.optimizer', 'config.lr'], parseAggSpec('n=count()'))
    expect(pipeline.at(-1)).toEqual({ $sort: { 'config.optimizer': 1, 'config.lr': 1 } })
    const rows = resultTable(aggregate(runs, pipeline), ['config.optimizer', 'config.lr']).rows
    expect(rows.map((r) => [r['config.optimizer'], r['config.lr'], r['n']])).toEqual([
      [null, 1, 1],
      ['adam', 0.1, 1],
      ['adam', 0.3, 1],
      ['adam', 0.5, 1],
      ['sgd', 1, 1],
    ])
  })

  it('makes _id keys unique when two paths sanitise alike', () => {
    const { pipeline } = groupPipeline(['config.a_b', 'config.a/b'], parseAggSpec('n=count()'))
    expect((pipeline[0] as { $group: { _id: unknown } }).$group._id).toEqual({
      config_a_b: '$config.a_b',
      config_a_b_2: '$config.a/b',
    })
  })

  it.each([
    [['config..x'], /--group-by: bad path "config..x"/],
    [['config.opt', 'config.opt.name'], /"config.opt" contains "config.opt.name"/],
    [['group', 'group'], /"group" is given twice/],
    [['config.lr'], /the name config hides the group column config.lr/],
  ])('rejects --group-by %j', (groupBy, message) => {
    expect(() => groupPipeline(groupBy, parseAggSpec('config=count()'))).toThrow(message)
  })
})

describe('resultTable', () => {
  it('flattens any documents, leading columns first, then _id parts, then the rest in order', () => {
    const table = resultTable(
      [
        { zeta: 1, _id: { opt: 'adam' }, config: { opt: { name: 'x', v: 2 } } },
        { extra: true, _id: { opt: 'sgd' } },
        3,
      ],
      ['config.opt', 'missing'],
    )
    expect(table.columns).toEqual([
      'config.opt.name',
      'config.opt.v',
      'missing',
      '_id.opt',
      'zeta',
      'extra',
      'value',
    ])
    expect(table.rows[2]).toEqual({ value: 3 })
  })
})

describe('aggregationOf', () => {
  it('is undefined without aggregation flags, defaults --agg to n=count(), takes --pipeline as given', () => {
    expect(aggregationOf({})).toBeUndefined()
    expect(aggregationOf({ groupBy: ['group'] })?.leading).toEqual(['group', 'n'])
    expect(aggregationOf({ agg: 'n=count()' })?.pipeline).toEqual([
      { $group: { _id: null, n: { $sum: 1 } } },
      { $project: { _id: 0, n: 1 } },
    ])
    expect(aggregationOf({ pipeline: '[{"$match":{"summary.loss":NaN}},{"$count":"n"}]' })).toEqual({
      pipeline: [{ $match: { 'summary.loss': NaN } }, { $count: 'n' }],
      leading: [],
    })
  })

  it.each([
    [{ pipeline: '[{"$count":"n"}' }, /--pipeline: not valid JSON/],
    [{ pipeline: '[1]' }, /--pipeline: expected a JSON array of stages/],
    [{ pipeline: '[]', agg: 'n=count()' }, /--pipeline cannot be combined with --group-by or --agg/],
  ])('rejects %j', (flags, message) => {
    expect(() => aggregationOf(flags)).toThrow(message)
  })
})

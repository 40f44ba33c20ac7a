import { describe, expectTypeOf, it } from 'vitest'
import { aggregateRuns } from '../../src/compiler/aggregate-runs.js'
import type { AggregateQuery } from '../../src/dsl/builders/aggregate-query.js'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import type { RunsQuery } from '../../src/dsl/builders/runs-query.js'
import type { Pipeline, PipelineStage } from '../../src/dsl/types/pipeline.js'

interface Mnist {
  config: { lr: number; optimizer: 'adam' | 'sgd'; opt: { beta: number } }
  summary: { loss: number; 'eval/acc': number }
}

const typed = (p: Pipeline<Mnist>) => p
const loose = (p: Pipeline) => p

describe('typed pipelines check Run paths', () => {
  it('accepts good paths in Run-reading positions', () => {
    typed([{ $group: { _id: '$config.optimizer', best: { $min: '$summary.loss' }, n: { $count: {} } } }])
    typed([
      { $match: { state: 'finished', 'summary.loss': { $lt: 1 } } },
      {
        $group: {
          _id: { opt: '$config.optimizer', beta: '$config.opt.beta' },
          acc: { $avg: '$summary.eval/acc' },
        },
      },
      { $match: { acc: { $gt: 0.5 } } },
      { $sort: { acc: -1 } },
    ])
    typed([{ $bucket: { groupBy: '$config.lr', boundaries: [0, 0.01, 1], default: 'other' } }])
    typed([{ $sortByCount: '$config.optimizer' }])
    typed([
      {
        $project: { loss: '$summary.loss', id: 1, day: { $dateTrunc: { date: '$createdAt', unit: 'day' } } },
      },
    ])
    typed([{ $match: { state: 'finished' } }])
    typed([{ $sort: { 'summary.loss': 1, createdAt: -1 } }, { $limit: 3 }, { $project: { anything: 1 } }])
    typed([
      {
        $group: {
          _id: null,
          p: { $percentile: { input: '$summary.loss', p: [0.5], method: 'approximate' } },
        },
      },
    ])
  })

  it('rejects misspelled paths', () => {
    // @ts-expect-error misspelled group key
    typed([{ $group: { _id: '$config.optimiser', n: { $count: {} } } }])
    // @ts-expect-error misspelled accumulator argument
    typed([{ $group: { _id: null, best: { $min: '$summary.los' } } }])
    // @ts-expect-error misspelled in a compound key
    typed([{ $group: { _id: { opt: '$config.optimiser' } } }])
    // @ts-expect-error misspelled $bucket.groupBy
    typed([{ $bucket: { groupBy: '$config.rate', boundaries: [0, 1] } }])
    // @ts-expect-error misspelled $sortByCount
    typed([{ $sortByCount: '$config.optimiser' }])
    // @ts-expect-error misspelled $project value
    typed([{ $project: { loss: '$summary.los' } }])
    // @ts-expect-error a leading $match is a Filter<S>
    typed([{ $match: { 'summary.los': 1 } }, { $group: { _id: null } }])
    // @ts-expect-error after a leading $match the next stage is still typed
    typed([{ $match: { state: 'finished' } }, { $group: { _id: '$config.bad' } }])
    // @ts-expect-error a $sort on Runs takes Run paths
    typed([{ $sort: { 'summary.los': 1 } }, { $limit: 3 }])
    // @ts-expect-error not an accumulator
    typed([{ $group: { _id: null, best: { $minimum: '$summary.loss' } } }])
  })
})

describe('untyped pipelines take any stage', () => {
  it('accepts any paths and stage arrays built at run time', () => {
    loose([{ $group: { _id: '$config.anything', n: { $sum: 1 } } }, { $match: { n: { $gt: 1 } } }])
    const stages: PipelineStage[] = JSON.parse('[]')
    loose(stages)
    expectTypeOf<PipelineStage>().toMatchTypeOf<{ readonly [k: `$${string}`]: unknown }>()
  })
})

describe('typed queries', () => {
  it('stay assignable to the untyped RunsQuery and aggregate typed pipelines', () => {
    const q = createRunsQuery<Mnist>({ project: 'mnist' })
    const untyped: RunsQuery = q
    expectTypeOf(untyped).toMatchTypeOf<RunsQuery>()
    const agg = q.aggregate<{ _id: string; n: number }>([
      { $group: { _id: '$config.optimizer', n: { $sum: 1 } } },
    ])
    expectTypeOf(agg).toEqualTypeOf<AggregateQuery<{ _id: string; n: number }>>()
    expectTypeOf(agg.toArray()).toEqualTypeOf<Promise<{ _id: string; n: number }[]>>()
    // @ts-expect-error the schema checks aggregate() paths
    q.aggregate([{ $group: { _id: '$config.optimiser' } }])
    createRunsQuery({ project: 'mnist' }).aggregate([{ $group: { _id: '$config.anything' } }])
  })
})

describe('aggregateRuns', () => {
  it('takes typed and untyped pipelines', () => {
    const typedPipeline: Pipeline<Mnist> = [{ $group: { _id: '$config.optimizer', n: { $count: {} } } }]
    expectTypeOf(aggregateRuns<{ n: number }>([], typedPipeline)).toEqualTypeOf<{ n: number }[]>()
    expectTypeOf(aggregateRuns([], [{ $count: 'n' }])).toEqualTypeOf<Record<string, unknown>[]>()
  })
})

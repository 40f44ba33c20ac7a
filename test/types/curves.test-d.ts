import type { Observable } from 'rxjs'
import { describe, expectTypeOf, it } from 'vitest'
import type { CurveSet } from '../../src/curves/curve-set.js'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'

interface Mnist {
  config: { lr: number; optimizer: 'adam' | 'sgd' }
  summary: { loss: number }
}

const typed = createRunsQuery<Mnist>({ project: 'mnist' })
const untyped = createRunsQuery({ project: 'mnist' })
const flag: string = 'config.optimizer'

describe('query.curves() groupBy paths', () => {
  it('are typed Run paths on a typed query', () => {
    expectTypeOf(typed.curves({ key: 'loss', groupBy: 'config.optimizer' })).toEqualTypeOf<
      Observable<CurveSet>
    >()
    typed.curves({ key: 'loss', groupBy: ['config.lr', 'tags', 'group', 'sweepName'] })
    // @ts-expect-error not a config key of the schema
    typed.curves({ key: 'loss', groupBy: 'config.optimiser' })
    // @ts-expect-error a string known only at run time needs an untyped query
    typed.curves({ key: 'loss', groupBy: flag })
  })

  it('take any string on an untyped query (checked when curves() is called)', () => {
    untyped.curves({ key: 'loss', groupBy: flag })
    untyped.curves({ key: 'loss', groupBy: [flag, 'config.lr'], source: 'full', live: { intervalMs: 1000 } })
    // @ts-expect-error source is 'sampled' or 'full'
    untyped.curves({ key: 'loss', source: 'all' })
  })
})

import { describe, expectTypeOf, it } from 'vitest'
import type { Run } from '../../src/codecs/run.js'
import { compileFilter } from '../../src/compiler/compile-filter.js'
import type { CompiledRunsQuery } from '../../src/compiler/compiled-runs-query.js'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import type { RunsQuery } from '../../src/dsl/builders/runs-query.js'
import type { FilterNode } from '../../src/dsl/nodes/filter-node.js'
import type { Filter } from '../../src/dsl/types/filter.js'

interface Mnist {
  config: {
    lr: number
    optimizer: 'adam' | 'sgd'
    opt: { beta: number; name: string }
    layers: number[]
    seed?: number
  }
  summary: { loss: number; 'eval/acc': number; best: { step: number; at: { epoch: number } } }
}

const q = createRunsQuery<Mnist>({ project: 'mnist' })
const u = createRunsQuery({ project: 'mnist' })

describe('typed paths (object form)', () => {
  it('accepts good keys and values', () => {
    expectTypeOf(q.where({ 'summary.loss': { $lt: 0.2 } })).toEqualTypeOf<RunsQuery<Mnist>>()
    q.where({ 'config.optimizer': 'adam', 'config.lr': { $gte: 0.001, $lt: 0.1 } })
    q.where({
      'config.opt.beta': { $gte: 0.9 },
      'summary.best.at.epoch': 3,
      'summary.eval/acc': { $gt: 0.5 },
    })
    q.where({ 'config.layers': 64, 'config.seed': { $exists: false } })
    q.where({ tags: 'baseline', state: { $in: ['running', 'finished'] }, name: /^exp/ })
    q.where({ createdAt: { $gt: new Date('2024-01-01') }, 'user.username': 'ada' })
    q.where({ 'systemMetrics.gpu': { $gt: 50 } })
    q.where({ $or: [{ state: 'crashed' }, { 'summary.loss': { $gt: 1 } }], $nor: [{ tags: 'bad' }] })
    q.where({ 'config.opt.name': { $regex: 'adam' }, 'summary.loss': { $not: { $gt: 1 } } })
  })

  it('rejects misspelled keys and wrong value types', () => {
    // @ts-expect-error misspelled summary key
    q.where({ 'summary.los': { $lt: 0.2 } })
    // @ts-expect-error comparing a string field with a number
    q.where({ 'config.optimizer': { $lt: 3 } })
    // @ts-expect-error not one of the optimizer values
    q.where({ 'config.optimizer': 'adamw' })
    // @ts-expect-error a number field compared with a string
    q.where({ 'summary.loss': { $gt: '0.1' } })
    // @ts-expect-error $regex on a number field
    q.where({ 'summary.loss': { $regex: 'a' } })
    // @ts-expect-error createdAt is a Date
    q.where({ createdAt: { $gt: '2024-01-01' } })
    // @ts-expect-error misspelled inside $or
    q.where({ $or: [{ 'summary.los': 1 }] })
    // @ts-expect-error the server's name is not a Run field
    q.where({ 'summary_metrics.loss': 1 })
    // @ts-expect-error $in takes an array
    q.where({ state: { $in: 'running' } })
    // @ts-expect-error deeper than the schema
    q.where({ 'config.lr.value': 1 })
  })
})

describe('typed paths (field helpers)', () => {
  it('types keys and operands', () => {
    q.where((f) =>
      f.and(f.summary('loss').lt(0.2), f.config('optimizer').eq('adam'), f.tags.contains('baseline')),
    )
    q.where((f) => f.config('opt.beta').gte(0.9))
    q.where((f) => f.createdAt.after(new Date()))
    q.where((f) => f.or({ state: 'crashed' }, f.summary('best.step').gt(10)))
    q.where((f) => f.config(['xprun.name']).eq('anything'))
    compileFilter<Mnist>({ 'summary.loss': { $lt: 1 } })
    compileFilter(q.where({ state: 'finished' }).node.where as FilterNode)
    // @ts-expect-error compileFilter is typed by the schema too
    compileFilter<Mnist>({ 'summary.los': 1 })
    expectTypeOf<Filter<Mnist>>().toMatchTypeOf<{ readonly 'summary.loss'?: unknown }>()
  })

  it('rejects misspelled keys and wrong operand types', () => {
    // @ts-expect-error misspelled
    q.where((f) => f.summary('los').lt(0.2))
    // @ts-expect-error string field, numeric operand
    q.where((f) => f.config('optimizer').lt(3))
    // @ts-expect-error tags hold strings
    q.where((f) => f.tags.contains(3))
    // @ts-expect-error after() takes a Date
    q.where((f) => f.createdAt.after('2024-01-01'))
    // @ts-expect-error a misspelled key inside a helper's object form
    q.where((f) => f.or({ 'summary.los': 1 }))
  })
})

describe('order keys', () => {
  it('are typed paths with an optional sign', () => {
    q.orderBy('+summary.loss', '-createdAt', 'summary.eval/acc', { field: 'config.lr', direction: 'desc' })
    // @ts-expect-error misspelled
    q.orderBy('+summary.los')
    // @ts-expect-error not a direction
    q.orderBy({ field: 'createdAt', direction: 'up' })
  })
})

describe('the untyped default accepts any dotted path', () => {
  it('config, summary and systemMetrics take any key and value', () => {
    u.where({ 'summary.anything.deep': { $lt: 1 }, 'config.x': { $regex: /a/ }, 'config.y': 'z' })
    u.where((f) => f.summary('whatever').lt(1))
    u.where((f) => f.config('a.b.c').contains('x'))
    u.orderBy('-summary.whatever')
    const fromCli: string = process.argv[2] ?? '+createdAt'
    u.orderBy(fromCli)
    // @ts-expect-error typed queries still want typed keys
    q.orderBy(fromCli)
    // @ts-expect-error Run fields are still checked
    u.where({ foo: 1 })
    // @ts-expect-error and their value types
    u.where({ createdAt: { $gt: 1 } })
  })
})

describe('results', () => {
  it('compile and execution types', () => {
    expectTypeOf(q.compile()).toEqualTypeOf<CompiledRunsQuery>()
    expectTypeOf(q.compile().variables.filters).toEqualTypeOf<string>()
    expectTypeOf(q.compile().residual).toEqualTypeOf<Readonly<Record<string, unknown>> | null>()
    expectTypeOf(q.first()).toEqualTypeOf<Promise<Run | undefined>>()
    expectTypeOf(q.toArray()).toEqualTypeOf<Promise<Run[]>>()
    expectTypeOf(q.matches).parameter(0).toEqualTypeOf<Run>()
    expectTypeOf(q).toMatchTypeOf<AsyncIterable<Run>>()
  })
})

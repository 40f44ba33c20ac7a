import { Query as StockQuery } from 'mingo'
import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/compiler/compile-filter.js'
import { mingoContextFor } from '../../src/compiler/mingo-context.js'
import { makeRun } from '../../src/testing/make-run.js'

const test = (filter: Record<string, unknown>, run = makeRun()) => compileFilter(filter as never).test(run)

describe('mingo over Run objects behaves like MongoDB where the compiler relies on it', () => {
  const run = makeRun({
    createdAt: '2024-03-01T12:00:00.500Z',
    tags: ['a', 'b'],
    config: { layers: [64, 128], opt: null },
  })

  it('compares Dates chronologically (not as strings), to the millisecond', () => {
    expect(test({ createdAt: { $gt: new Date('2024-03-01T12:00:00.499Z') } }, run)).toBe(true)
    expect(test({ createdAt: { $gt: new Date('2024-03-01T12:00:00.500Z') } }, run)).toBe(false)
    expect(test({ createdAt: { $gte: new Date('2024-03-01T12:00:00.500Z') } }, run)).toBe(true)
    expect(test({ createdAt: new Date('2024-03-01T12:00:00.500Z') }, run)).toBe(true)
    expect(test({ createdAt: { $ne: new Date('2024-03-01T12:00:00.500Z') } }, run)).toBe(false)
  })

  it('treats a scalar against an array field as membership', () => {
    expect(test({ tags: 'a' }, run)).toBe(true)
    expect(test({ tags: { $ne: 'a' } }, run)).toBe(false)
    expect(test({ tags: { $in: ['z', 'b'] } }, run)).toBe(true)
    expect(test({ tags: { $nin: ['z'] } }, run)).toBe(true)
    expect(test({ 'config.layers': { $gt: 100 } }, run)).toBe(true)
    expect(test({ tags: ['a', 'b'] }, run)).toBe(true)
    expect(test({ tags: ['b', 'a'] }, run)).toBe(false)
  })

  it('matches missing fields with $ne, $nin and $eq: null, and tells null from missing with $exists', () => {
    expect(test({ 'config.missing': { $ne: 1 } }, run)).toBe(true)
    expect(test({ 'config.missing': { $nin: [1] } }, run)).toBe(true)
    expect(test({ 'config.missing': null }, run)).toBe(true)
    expect(test({ 'config.opt': null }, run)).toBe(true)
    expect(test({ 'config.opt': { $exists: true } }, run)).toBe(true)
    expect(test({ 'config.missing': { $exists: true } }, run)).toBe(false)
  })

  it('compares only values of the same type', () => {
    const typed = makeRun({ config: { lr: '0.1' } })
    expect(test({ 'config.lr': { $lt: 1 } }, typed)).toBe(false)
    expect(test({ 'config.lr': { $lt: '1' } }, typed)).toBe(true)
  })
})

describe("wandb-rx's deliberate difference: NaN satisfies no range comparison", () => {
  const diverged = makeRun({ summary: { loss: NaN } })

  it('differs from stock mingo, which compares NaN as equal to every number', () => {
    expect(new StockQuery({ 'summary.loss': { $lte: 0.2 } }).test(diverged as never)).toBe(true)
    expect(test({ 'summary.loss': { $lte: 0.2 } }, diverged)).toBe(false)
    expect(test({ 'summary.loss': { $gte: 0.2 } }, diverged)).toBe(false)
    expect(test({ 'summary.loss': { $lt: 0.2 } }, diverged)).toBe(false)
    expect(test({ 'summary.loss': { $not: { $lte: 0.2 } } }, diverged)).toBe(true)
  })

  it('keeps equality and existence as mingo has them', () => {
    expect(test({ 'summary.loss': { $exists: true } }, diverged)).toBe(true)
    expect(test({ 'summary.loss': NaN }, diverged)).toBe(true)
  })
})

describe('the per-use mingo context', () => {
  it('holds only the operators the criteria use', () => {
    const context = mingoContextFor({ a: { $gt: 1 }, $or: [{ b: { $in: [1] } }] })
    const names = ['$gt', '$or', '$in', '$lt', '$where', '$expr', '$regex', '$key']
    expect(names.filter((name) => context.getOperator('query' as never, name) !== null)).toEqual([
      '$gt',
      '$or',
      '$in',
    ])
  })

  it("leaves the host application's mingo untouched", () => {
    compileFilter({ 'summary.loss': { $lte: 0.2 }, 'config.a': { $exists: true } })
    const diverged = makeRun({ summary: { loss: NaN } })
    expect(new StockQuery({ 'summary.loss': { $lte: 0.2 } }).test(diverged as never)).toBe(true)
    expect(() => new StockQuery({ a: { $key: ['x', {}] } })).toThrow(/unknown/)
  })

  it('never enables scripts', () => {
    expect(() => compileFilter({ $where: 'true' } as never)).toThrow(/never evaluates code/)
  })
})

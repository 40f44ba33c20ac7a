import { describe, expect, it } from 'vitest'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import type { RunsQuery } from '../../src/dsl/builders/runs-query.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'
import { WandbError } from '../../src/errors/wandb-error.js'

const q = (): RunsQuery => createRunsQuery({ project: 'mnist' })
const where = (filter: unknown) => () => q().where(filter as never)

/** [what, thunk, expected path, a fragment of the reason] */
const cases: readonly (readonly [string, () => unknown, string, string])[] = [
  ['unknown operator', where({ 'summary.loss': { $foo: 1 } }), 'summary.loss.$foo', 'unknown operator $foo'],
  [
    'unknown operator deep in $or',
    where({ $or: [{ state: 'a' }, { 'config.lr': { $foo: 1 } }] }),
    '$or.1.config.lr.$foo',
    'unknown operator',
  ],
  ['$where', where({ $where: 'this.a > 1' }), '$where', 'never evaluates code'],
  [
    '$function on a field',
    where({ 'config.a': { $function: {} } }),
    'config.a.$function',
    'never evaluates code',
  ],
  [
    '$accumulator',
    where({ 'config.a': { $accumulator: {} } }),
    'config.a.$accumulator',
    'never evaluates code',
  ],
  ['$expr', where({ $expr: { $gt: ['$a', 1] } }), '$expr', 'never evaluates code'],
  ['a field operator at the top level', where({ $gt: 1 }), '$gt', 'field operator'],
  ['a function as a value', where({ name: () => 'x' }), 'name', 'functions are not filter values'],
  [
    'a function inside $in',
    where({ state: { $in: ['a', () => 1] } }),
    'state.$in.1',
    'functions are not filter values',
  ],
  [
    'a function inside $elemMatch',
    where({ tags: { $elemMatch: { $eq: () => 1 } } }),
    'tags.$elemMatch.$eq',
    'functions',
  ],
  [
    '$where inside $elemMatch',
    where({ 'config.l': { $elemMatch: { $where: 'x' } } }),
    'config.l.$elemMatch.$where',
    'never evaluates code',
  ],
  ['$in not an array', where({ state: { $in: 'running' } }), 'state.$in', 'expects an array'],
  ['$nin not an array', where({ tags: { $nin: null } }), 'tags.$nin', 'expects an array'],
  ['$all not an array', where({ tags: { $all: 'a' } }), 'tags.$all', 'expects an array'],
  ['bad regex string', where({ name: { $regex: '(' } }), 'name.$regex', 'invalid regular expression'],
  ['stateful regex flag', where({ name: /a/g }), 'name', 'stateful'],
  ['$regex not a pattern', where({ name: { $regex: 3 } }), 'name.$regex', 'RegExp or a pattern string'],
  ['$options without $regex', where({ name: { $options: 'i' } }), 'name.$options', '$options without $regex'],
  ['$size not a number', where({ tags: { $size: '2' } }), 'tags.$size', 'non-negative integer'],
  ['$size negative', where({ tags: { $size: -1 } }), 'tags.$size', 'non-negative integer'],
  ['$mod malformed', where({ 'config.s': { $mod: [0, 1] } }), 'config.s.$mod', '[divisor, remainder]'],
  ['$type unknown', where({ 'config.s': { $type: 'float128' } }), 'config.s.$type', 'type name'],
  ['$exists not a boolean', where({ 'config.s': { $exists: 1 } }), 'config.s.$exists', 'true or false'],
  ['$lt NaN', where({ 'summary.loss': { $lt: NaN } }), 'summary.loss.$lt', 'NaN'],
  ['$lt an object', where({ 'summary.loss': { $lt: { a: 1 } } }), 'summary.loss.$lt', 'comparisons take'],
  [
    '$not nested',
    where({ 'config.a': { $not: { $not: { $eq: 1 } } } }),
    'config.a.$not.$not',
    'cannot be nested',
  ],
  ['$not with a number', where({ 'config.a': { $not: 3 } }), 'config.a.$not', 'operator expression'],
  ['$elemMatch not an object', where({ tags: { $elemMatch: 'a' } }), 'tags.$elemMatch', 'expects an object'],
  ['empty $and', where({ $and: [] }), '$and', 'non-empty array'],
  ['$or not an array', where({ $or: { state: 'a' } }), '$or', 'non-empty array'],
  ['a non-object inside $or', where({ $or: [3] }), '$or.0', 'plain object'],
  [
    'operators mixed with keys',
    where({ 'config.a': { $gt: 1, b: 2 } }),
    'config.a.b',
    'mixed with operators',
  ],
  [
    'createdAt against a string',
    where({ createdAt: { $gt: '2024-01-01' } }),
    'createdAt.$gt',
    'holds a Date',
  ],
  ['createdAt $in strings', where({ createdAt: { $in: ['2024-01-01'] } }), 'createdAt.$in', 'holds a Date'],
  ['an invalid Date', where({ createdAt: { $gt: new Date('nope') } }), 'createdAt.$gt', 'invalid Date'],
  ['undefined as a value', where({ 'config.a': undefined }), 'config.a', 'undefined is not a filter value'],
  ['a bigint', where({ 'config.a': 1n }), 'config.a', 'bigint'],
  ['a class instance', where({ 'config.a': new Map() }), 'config.a', 'Map is not a filter value'],
  [
    'a $-key inside a literal object',
    where({ 'config.a': { b: { $gt: 1 } } }),
    'config.a.b.$gt',
    'operator $gt inside a literal',
  ],
  [
    'server field name summary_metrics',
    where({ 'summary_metrics.loss': 1 }),
    'summary_metrics.loss',
    'write summary.<key>',
  ],
  ['server field name display_name', where({ display_name: 'x' }), 'display_name', 'write name'],
  ['an unknown Run field', where({ foo: 1 }), 'foo', "unknown Run field 'foo'"],
  ['a sub-field of a scalar', where({ 'state.x': 1 }), 'state.x', 'has no sub-fields'],
  ['an unknown user field', where({ 'user.email': 'x' }), 'user.email', 'user has only the fields'],
  ['a named sub-field of tags', where({ 'tags.x': 1 }), 'tags.x', 'tags is an array'],
  ['an empty path segment', where({ 'config..a': 1 }), 'config..a', 'empty segment'],
  ['a $-segment', where({ 'config.$x': 1 }), 'config.$x', "cannot start with '$'"],
  ['__proto__ as a segment', where({ 'config.__proto__': 1 }), 'config.__proto__', 'not a valid field name'],
  ['a filter that is not an object', where([{ state: 'a' }]), '', 'plain object'],
  ['an empty f.and()', () => q().where((f) => f.and()), '$and', 'at least one filter'],
  ['an empty array segment', () => q().where((f) => f.config(['']).eq(1)), 'config', 'empty segment'],
  ['orderBy an unknown field', () => q().orderBy('-foo' as never), 'orderBy.0', "unknown Run field 'foo'"],
  [
    'orderBy a bad direction',
    () => q().orderBy({ field: 'createdAt', direction: 'up' as never }),
    'orderBy.0',
    "'asc' or 'desc'",
  ],
  ['orderBy a key the server cannot sort', () => q().orderBy('+state').compile(), 'orderBy.0', 'sortLocally'],
  [
    'orderBy several keys',
    () => q().orderBy('+createdAt', '-summary.acc').compile(),
    'orderBy.1',
    'single key',
  ],
  [
    'orderBy systemMetrics',
    () => q().orderBy('-systemMetrics.gpu').compile(),
    'orderBy.0',
    'W&B documents run order only by',
  ],
  [
    'orderBy a dotted config key',
    () =>
      q()
        .orderBy({ field: ['config', 'a.b'] })
        .compile(),
    'orderBy.0',
    'containing dots',
  ],
  ['perPage 0', () => q().perPage(0), 'perPage', 'integer from 1 to 1000'],
  ['perPage above 1000', () => q().perPage(1001), 'perPage', 'integer from 1 to 1000'],
  ['limit fractional', () => q().limit(1.5), 'limit', 'integer'],
  ['sortLocally maxRuns 0', () => q().sortLocally({ maxRuns: 0 }), 'sortLocally.maxRuns', 'integer'],
  [
    'extraFilter',
    () => createRunsQuery({ project: 'p', extraFilter: { foo: 1 } as never }),
    'extraFilter.foo',
    'unknown Run field',
  ],
]

describe('every invalid filter is a FilterCompileError naming the path', () => {
  it.each(cases)('%s', (_what, run, path, reason) => {
    let error: unknown
    try {
      run()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(FilterCompileError)
    expect(error).toBeInstanceOf(WandbError)
    const e = error as FilterCompileError
    expect(e.name).toBe('FilterCompileError')
    expect(e.path).toBe(path)
    expect(e.reason).toContain(reason)
    expect(e.message).toBe(`Invalid filter at ${path === '' ? '(root)' : path}: ${e.reason}`)
  })

  it('serializes its data without a stack', () => {
    const error = new FilterCompileError('a.$b', 'nope')
    expect(error.toJSON()).toEqual({
      name: 'FilterCompileError',
      message: 'Invalid filter at a.$b: nope',
      path: 'a.$b',
      reason: 'nope',
    })
  })

  it('carries the order node for order errors', () => {
    try {
      q().orderBy('+state').compile()
    } catch (e) {
      expect((e as FilterCompileError).node).toMatchObject({ kind: 'orderBy', direction: 'asc' })
    }
  })
})

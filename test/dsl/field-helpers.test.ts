import { describe, expect, it } from 'vitest'
import { fieldHelpers } from '../../src/dsl/builders/field-helpers.js'
import type { FilterNode } from '../../src/dsl/nodes/filter-node.js'
import { parseFilter } from '../../src/dsl/parsers/filter-parser.js'
import { compileFilter } from '../../src/compiler/compile-filter.js'
import { makeRun } from '../../src/testing/make-run.js'

const f = fieldHelpers()
const D = new Date('2024-01-01T00:00:00Z')
const E = new Date('2024-02-01T00:00:00Z')

/** Each helper builds exactly the node the object form does. */
const same: Record<string, readonly [FilterNode, unknown]> = {
  'summary lt': [f.summary('loss').lt(0.2), { 'summary.loss': { $lt: 0.2 } }],
  'config eq': [f.config('optimizer').eq('adam'), { 'config.optimizer': 'adam' }],
  'nested config': [f.config('opt.lr').gte(0.1), { 'config.opt.lr': { $gte: 0.1 } }],
  'tags contains': [f.tags.contains('x'), { tags: 'x' }],
  'tags all': [f.tags.all(['a', 'b']), { tags: { $all: ['a', 'b'] } }],
  'tags size': [f.tags.size(2), { tags: { $size: 2 } }],
  'createdAt after': [f.createdAt.after(D), { createdAt: { $gt: D } }],
  'heartbeatAt before': [f.heartbeatAt.before(D), { heartbeatAt: { $lt: D } }],
  'createdAt between': [f.createdAt.between(D, E), { createdAt: { $gte: D, $lt: E } }],
  'state in': [f.state.in(['running', 'pending']), { state: { $in: ['running', 'pending'] } }],
  'state nin': [f.state.nin(['crashed']), { state: { $nin: ['crashed'] } }],
  'name regex': [f.name.regex(/^exp/), { name: { $regex: /^exp/ } }],
  'name regex + flags': [f.name.regex('exp', 'i'), { name: { $regex: 'exp', $options: 'i' } }],
  'id ne': [f.id.ne('x'), { id: { $ne: 'x' } }],
  'group exists': [f.group.exists(), { group: { $exists: true } }],
  'jobType exists false': [f.jobType.exists(false), { jobType: { $exists: false } }],
  'sweepName eq': [f.sweepName.eq('s1'), { sweepName: 's1' }],
  username: [f.username.eq('ada'), { 'user.username': 'ada' }],
  'systemMetrics gt': [f.systemMetrics('gpu').gt(50), { 'systemMetrics.gpu': { $gt: 50 } }],
  'field()': [f.field('user.name').eq('Ada'), { 'user.name': 'Ada' }],
  'where()': [f.summary('loss').where({ $gt: 0, $lt: 1 }), { 'summary.loss': { $gt: 0, $lt: 1 } }],
  'and flattens': [f.and(f.state.eq('finished'), { tags: 'a' }), { state: 'finished', tags: 'a' }],
  or: [
    f.or(f.state.eq('crashed'), f.tags.contains('retry')),
    { $or: [{ state: 'crashed' }, { tags: 'retry' }] },
  ],
  nor: [f.nor(f.state.eq('crashed')), { $nor: [{ state: 'crashed' }] }],
  'not is $nor': [f.not(f.summary('loss').gt(1)), { $nor: [{ 'summary.loss': { $gt: 1 } }] }],
}

/** `source` records where a node sat in the object form; a combinator's children cannot know it. */
const withoutSource = (node: unknown): unknown =>
  JSON.parse(
    JSON.stringify(node, (key, value: unknown) =>
      key === 'source' ? undefined : value instanceof RegExp ? String(value) : value,
    ),
  )

describe('field helpers build the same node tree as the object form', () => {
  it.each(Object.entries(same))('%s', (_name, [helper, object]) => {
    const parsed = parseFilter(object)
    if (helper.kind === 'or' || helper.kind === 'nor' || _name.startsWith('and'))
      expect(withoutSource(helper)).toEqual(withoutSource(parsed))
    else expect(helper).toEqual(parsed)
    expect(Object.isFrozen(helper)).toBe(true)
  })
})

describe('keys containing dots', () => {
  it('a string key is a dotted path (nested), an array is literal segments', () => {
    const hydra = makeRun({ config: { 'xprun.name': 'a' } })
    const nested = makeRun({ config: { xprun: { name: 'a' } } })
    const literal = compileFilter(f.config(['xprun.name']).eq('a'))
    const dotted = compileFilter(f.config('xprun.name').eq('a'))
    expect([literal.test(hydra), literal.test(nested)]).toEqual([true, false])
    expect([dotted.test(hydra), dotted.test(nested)]).toEqual([false, true])
    expect(literal.serverFilter).toEqual({})
    expect(literal.residual).toEqual({ config: { $key: ['xprun.name', { value: { $eq: 'a' } }] } })
    expect(literal.placements[0]?.reason).toContain('wandb/wandb#3087')
  })

  it('literal segments may continue into nested objects and use any operator', () => {
    const run = makeRun({ config: { 'model.opt': { lr: 0.01, tags: ['a'] } } })
    expect(compileFilter(f.config(['model.opt', 'lr']).lt(0.1)).test(run)).toBe(true)
    expect(compileFilter(f.config(['model.opt', 'lr']).gt(0.1)).test(run)).toBe(false)
    expect(compileFilter(f.config(['model.opt', 'tags']).contains('a')).test(run)).toBe(true)
    expect(compileFilter(f.config(['model.opt']).exists()).test(run)).toBe(true)
    expect(compileFilter(f.config(['nope.x']).exists(false)).test(run)).toBe(true)
    expect(compileFilter(f.config(['model.opt', 'lr']).ne(0.01)).test(run)).toBe(false)
  })

  it('summary keys with dots too', () => {
    const run = makeRun({ summary: { 'val.acc': 0.9 } })
    expect(compileFilter(f.summary(['val.acc']).gte(0.9)).test(run)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { compileDocumentFilter } from '../src/filters/match-document.js'
import { FilterError } from '../src/filters/filter-error.js'

const doc = {
  name: 'wandb-registry-model',
  alias: ['latest', 'best'],
  tag: [],
  metadata: { acc: 0.95, layers: [1, 2], nested: { k: 'v' } },
  created_at: '2024-05-01T00:00:00.000Z',
  description: null,
}

describe('compileDocumentFilter', () => {
  it.each([
    [null, true],
    ['', true],
    ['{}', true],
    [{ name: 'wandb-registry-model' }, true],
    [{ name: 'model' }, false],
    [{ alias: 'best' }, true],
    [{ alias: { $in: ['prod', 'best'] } }, true],
    [{ alias: { $nin: ['best'] } }, false],
    [{ alias: { $all: ['best', 'latest'] } }, true],
    [{ alias: { $size: 2 } }, true],
    [{ tag: 'prod' }, false],
    [{ 'metadata.acc': { $gt: 0.9, $lte: 0.95 } }, true],
    [{ 'metadata.acc': { $lt: 0.9 } }, false],
    [{ 'metadata.layers': 2 }, true],
    [{ 'metadata.nested.k': 'v' }, true],
    [{ 'metadata.missing': { $exists: false } }, true],
    [{ 'metadata.acc': { $exists: true } }, true],
    [{ 'metadata.missing': { $ne: 1 } }, true],
    [{ name: { $regex: 'MODEL', $options: 'i' } }, true],
    [{ name: { $regex: '^model' } }, false],
    [{ name: { $not: { $regex: 'data' } } }, true],
    [{ name: { $contains: 'registry' } }, true],
    [{ created_at: { $gte: '2024-01-01' } }, true],
    [{ description: null }, true],
    [{ $or: [{ alias: 'prod' }, { 'metadata.acc': { $gt: 0.9 } }] }, true],
    [{ $and: [{ alias: 'best' }, { tag: 'x' }] }, false],
    [{ $nor: [{ alias: 'prod' }] }, true],
  ])('%j → %s', (filter, expected) => {
    expect(compileDocumentFilter(typeof filter === 'string' ? filter : JSON.stringify(filter))(doc)).toBe(
      expected,
    )
  })

  it.each([
    ['not json', /not valid JSON/],
    [{ $where: 'x' }, /unsupported operator \$where/],
    [{ a: { $foo: 1 } }, /\$\.a\.\$foo/],
    [{ $or: { a: 1 } }, /needs an array/],
    [{ a: { $in: 1 } }, /needs an array/],
    [{ a: { $regex: '(' } }, /invalid filters/],
  ])('rejects %j', (filter, message) => {
    expect(() => compileDocumentFilter(typeof filter === 'string' ? filter : JSON.stringify(filter))).toThrow(
      FilterError,
    )
    expect(() => compileDocumentFilter(typeof filter === 'string' ? filter : JSON.stringify(filter))).toThrow(
      message,
    )
  })
})

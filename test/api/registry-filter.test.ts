import { describe, expect, it } from 'vitest'
import { checkRegistryFilter, prefixRegistryNames } from '../../src/api/registry-filter.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'

describe('prefixRegistryNames (PROTOCOL.md §8)', () => {
  it.each([
    [{ name: 'model' }, { name: 'wandb-registry-model' }],
    [{ name: 'wandb-registry-model' }, { name: 'wandb-registry-model' }],
    [{ name: { $in: ['a', 'b'] } }, { name: { $in: ['wandb-registry-a', 'wandb-registry-b'] } }],
    [{ name: { $ne: 'a' } }, { name: { $ne: 'wandb-registry-a' } }],
    [{ name: { $regex: 'mod', $options: 'i' } }, { name: { $regex: 'mod', $options: 'i' } }],
    [{ name: { $not: { $regex: 'x' } } }, { name: { $not: { $regex: 'x' } } }],
    [
      { $or: [{ name: 'a' }, { description: 'a' }] },
      { $or: [{ name: 'wandb-registry-a' }, { description: 'a' }] },
    ],
    [
      { description: 'model', created_at: { $gt: '2024-01-01' } },
      { description: 'model', created_at: { $gt: '2024-01-01' } },
    ],
    [{ name: { $exists: true } }, { name: { $exists: true } }],
  ])('%j → %j', (filter, expected) => {
    expect(prefixRegistryNames(filter)).toEqual(expected)
  })

  it('does not modify its input', () => {
    const filter = Object.freeze({ name: Object.freeze({ $in: Object.freeze(['a']) }) })
    expect(prefixRegistryNames(filter)).toEqual({ name: { $in: ['wandb-registry-a'] } })
    expect(filter.name.$in).toEqual(['a'])
  })
})

describe('checkRegistryFilter', () => {
  it('accepts the fields of each level', () => {
    expect(() => checkRegistryFilter({ name: 'x', $or: [{ description: 'y' }] }, 'registry')).not.toThrow()
    expect(() => checkRegistryFilter({ tag: 'x', created_at: { $gt: '2024' } }, 'collection')).not.toThrow()
    expect(() =>
      checkRegistryFilter({ 'metadata.acc': { $gt: 1 }, $nor: [{ alias: 'old' }] }, 'version'),
    ).not.toThrow()
  })

  it.each([
    [{ owner: 'me' }, 'registry', 'owner'],
    [{ alias: 'x' }, 'collection', 'alias'],
    [{ $and: [{ name: 'x' }] }, 'version', '$and.0.name'],
    [{ $where: 'x' }, 'version', '$where'],
    [{ $or: { alias: 'x' } }, 'version', '$or'],
  ] as const)('%j at the %s level fails at %s', (filter, level, path) => {
    try {
      checkRegistryFilter(filter, level)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(FilterCompileError)
      expect((error as FilterCompileError).path).toBe(path)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/compiler/compile-filter.js'
import { makeRun } from '../../src/testing/make-run.js'

describe('makeRun: frozen fixture runs', () => {
  it('has sensible defaults', () => {
    const run = makeRun()
    expect(run).toMatchObject({
      id: 'run0001',
      name: 'run-run0001',
      entity: 'entity',
      project: 'project',
      path: 'entity/project/run0001',
      url: 'https://wandb.ai/entity/project/runs/run0001',
      state: 'finished',
      config: {},
      summary: {},
      tags: [],
      group: null,
      lastHistoryStep: -1,
      user: { name: 'Test User', username: 'test-user' },
    })
    expect(run.createdAt).toEqual(new Date('2024-01-01T00:00:00Z'))
    expect(run.heartbeatAt).toEqual(run.createdAt)
    expect(atob(run.storageId)).toBe('Run:v1:run0001:project:entity')
  })

  it('derives path and url from entity, project and id', () => {
    const run = makeRun({ id: 'a b', entity: 'team', project: 'p/q' })
    expect(run.path).toBe('team/p/q/a b')
    expect(run.url).toBe('https://wandb.ai/team/p%2Fq/runs/a%20b')
  })

  it('deep-freezes the run but copies Dates', () => {
    const createdAt = new Date('2024-02-02T00:00:00Z')
    const run = makeRun({ config: { opt: { lr: 1 } }, tags: ['a'], createdAt })
    expect(Object.isFrozen(run)).toBe(true)
    expect(Object.isFrozen(run.config.opt)).toBe(true)
    expect(Object.isFrozen(run.tags)).toBe(true)
    expect(run.createdAt).not.toBe(createdAt)
    expect(makeRun({ createdAt: '2024-02-02T00:00:00Z' }).createdAt).toEqual(createdAt)
  })

  it('deep-merges config, summary and systemMetrics over a base run', () => {
    const base = makeRun({
      id: 'a',
      config: { opt: { lr: 0.1, beta: 0.9 }, bs: 32 },
      summary: { loss: 1 },
      tags: ['x'],
    })
    const run = makeRun({ config: { opt: { lr: 0.01 } }, summary: { acc: 0.5 } }, base)
    expect(run.config).toEqual({ opt: { lr: 0.01, beta: 0.9 }, bs: 32 })
    expect(run.summary).toEqual({ loss: 1, acc: 0.5 })
    expect(run.tags).toEqual(['x'])
    expect(run.id).toBe('a')
  })

  it('allows explicit nulls and a null user', () => {
    const run = makeRun({ group: 'g', user: null })
    expect(run.user).toBeNull()
    expect(makeRun({ group: null }, run).group).toBeNull()
    expect(makeRun({}, run).user).toBeNull()
    expect(makeRun({ user: { username: 'ada' } }).user).toEqual({ name: 'Test User', username: 'ada' })
  })

  it('is what users unit-test their filters with', () => {
    const filter = compileFilter({ 'summary.loss': { $lt: 0.2 }, tags: 'baseline' })
    expect(filter.test(makeRun({ summary: { loss: 0.1 }, tags: ['baseline'] }))).toBe(true)
    expect(filter.test(makeRun({ summary: { loss: 0.3 }, tags: ['baseline'] }))).toBe(false)
  })
})

describe('compileFilter accepts the helper form', () => {
  it('builds the same split', () => {
    const filter = compileFilter((f) => f.and(f.tags.contains('baseline'), f.summary('loss').lt(0.2)))
    expect(filter.serverFilter).toEqual({ tags: 'baseline', 'summary_metrics.loss': { $lt: 0.2 } })
    expect(filter.residual).toEqual({ 'summary.loss': { $lt: 0.2 } })
    expect(filter.test(makeRun({ tags: ['baseline'], summary: { loss: 0.1 } }))).toBe(true)
  })
})

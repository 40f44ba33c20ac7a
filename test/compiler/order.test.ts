import { describe, expect, it } from 'vitest'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import type { OrderKey } from '../../src/dsl/builders/runs-query.js'
import { makeRun } from '../../src/testing/make-run.js'

const q = createRunsQuery({ project: 'mnist' })

describe('order keys compile to W&B order strings', () => {
  const cases: readonly (readonly [OrderKey, string])[] = [
    ['+createdAt', '+created_at'],
    ['-createdAt', '-created_at'],
    ['createdAt', '+created_at'],
    ['-heartbeatAt', '-heartbeat_at'],
    ['+summary.loss', '+summary_metrics.loss'],
    ['-summary.eval/loss', "-summary_metrics['eval/loss']"],
    ['-summary.nested.acc', '-summary_metrics.nested.acc'],
    ['+config.lr', '+config.lr.value'],
    ['+config.opt.lr', '+config.opt.value.lr'],
    [{ field: 'summary.acc', direction: 'desc' }, '-summary_metrics.acc'],
    [{ field: 'createdAt' }, '+created_at'],
  ]
  it.each(cases)('%j -> %s', (key, order) => {
    const compiled = q.orderBy(key).compile()
    expect(compiled.variables.order).toBe(order)
    expect(compiled.clientSort).toBeUndefined()
  })

  it('defaults to +created_at', () => expect(q.compile().variables.order).toBe('+created_at'))

  it.each([
    '+state',
    '-systemMetrics.gpu',
    '+tags',
    '+config.a/b',
    '+summary.a/b.c',
    '+id',
    '-name',
  ] as const)('%s cannot be sorted on the server', (key) => {
    expect(() => q.orderBy(key as OrderKey).compile()).toThrow(/sortLocally/)
  })

  it('sorts by name or id locally, never by an undocumented server order key', () => {
    const compiled = q.orderBy('-name').sortLocally().compile()
    expect(compiled.variables.order).toBe('+created_at')
    expect(compiled.clientSort?.keys).toEqual([{ path: 'name', direction: 'desc' }])
    expect(compiled.explain()).toContain('client sort by -name')
    expect(q.orderBy('-summary.acc').compile().explain()).toContain('order: -summary_metrics.acc (server)')
  })
})

describe('sortLocally(): an explicit client-side sort', () => {
  const runs = [
    makeRun({ id: 'a', state: 'running', summary: { acc: 0.5 }, createdAt: '2024-01-03T00:00:00Z' }),
    makeRun({ id: 'b', state: 'crashed', summary: { acc: 0.9 }, createdAt: '2024-01-02T00:00:00Z' }),
    makeRun({ id: 'c', state: 'running', summary: {}, createdAt: '2024-01-01T00:00:00Z' }),
    makeRun({ id: 'd', state: 'running', summary: { acc: 0.9 }, createdAt: '2024-01-04T00:00:00Z' }),
  ]

  it('puts the sort in the compiled query and pages in the server default order', () => {
    const compiled = q.orderBy('+state', '-summary.acc').sortLocally({ maxRuns: 500 }).limit(2).compile()
    expect(compiled.variables.order).toBe('+created_at')
    expect(compiled.clientSort?.keys).toEqual([
      { path: 'state', direction: 'asc' },
      { path: 'summary.acc', direction: 'desc' },
    ])
    expect(compiled.clientSort?.maxRuns).toBe(500)
    expect(compiled.limit).toBe(2)
    expect([...runs].sort(compiled.clientSort?.compare).map((r) => r.id)).toEqual(['b', 'd', 'a', 'c'])
    expect(compiled.explain()).toContain(
      'client sort by +state, -summary.acc after reading every match (at most 500 runs)',
    )
  })

  it('missing values sort first ascending (Mongo order); ties break by createdAt then id', () => {
    const compiled = q.orderBy('+summary.acc').orderBy('+summary.acc', '+state').sortLocally().compile()
    expect([...runs].sort(compiled.clientSort?.compare).map((r) => r.id)).toEqual(['c', 'a', 'b', 'd'])
  })

  it('is not used when the server can sort', () => {
    const compiled = q.orderBy('-summary.acc').sortLocally().compile()
    expect(compiled.variables.order).toBe('-summary_metrics.acc')
    expect(compiled.clientSort).toBeUndefined()
  })

  it('overrides lazy() when it sorts by summary', () => {
    const compiled = q.lazy().orderBy('-summary.acc', '+id').sortLocally().compile()
    expect(compiled.lazy).toBe(false)
    expect(compiled.explain()).toContain('lazy() overridden')
  })
})

import { describe, expect, it } from 'vitest'
import { createRunsQuery } from '../../src/dsl/builders/runs-query.js'
import { makeRun } from '../../src/testing/make-run.js'

describe('smoke', () => {
  it('compiles', () => {
    const q = createRunsQuery({ entity: 'team', project: 'mnist' })
      .where({ 'summary.loss': { $lt: 0.2 }, name: /^exp/, state: 'finished' })
      .where((f) => f.or(f.tags.contains('a'), f.config(['xprun.name']).eq('x')))
      .orderBy('-summary.eval/loss')
      .limit(10)
    const c = q.compile()
    console.log(c.explain())
    console.log(c.residual)
    expect(c.matches(makeRun({ summary: { loss: 0.1 }, name: 'exp-1', tags: ['a'] }))).toBe(true)
    expect(c.matches(makeRun({ summary: { loss: 0.1 }, name: 'exp-1', config: { 'xprun.name': 'x' } }))).toBe(
      true,
    )
    expect(
      c.matches(makeRun({ summary: { loss: 0.1 }, name: 'exp-1', config: { xprun: { name: 'x' } } })),
    ).toBe(false)
    expect(c.matches(makeRun({ summary: { loss: 0.3 }, name: 'exp-1', tags: ['a'] }))).toBe(false)
  })
})

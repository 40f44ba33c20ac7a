import { describe, expect, it } from 'vitest'
import { FULL_RUN_FRAGMENT, LIGHT_RUN_FRAGMENT } from '../../src/compiler/run-fragments.js'
import { createRunsQuery } from '../../src/dsl/builders/create-runs-query.js'
import { makeRun } from '../../src/testing/make-run.js'

const q = createRunsQuery({ entity: 'team', project: 'mnist' })

describe('the compiled runs query', () => {
  it('carries the Python SDK runs document with the full fragment', () => {
    const { document, countDocument } = q.compile()
    expect(document)
      .toBe(`query Runs($project: String!, $entity: String!, $cursor: String, $perPage: Int, $order: String, $filters: JSONString) {
  project(name: $project, entityName: $entity) {
    internalId
    runCount(filters: $filters)
    runs(filters: $filters, after: $cursor, first: $perPage, order: $order) {
      edges { node { projectId ...RunFields } cursor }
      pageInfo { endCursor hasNextPage }
    }
  }
}
${FULL_RUN_FRAGMENT}`)
    expect(countDocument).toContain(
      'query RunCount($project: String!, $entity: String!, $filters: JSONString)',
    )
    expect(countDocument).toContain('runCount(filters: $filters)')
    expect(q.lazy().compile().document.endsWith(LIGHT_RUN_FRAGMENT)).toBe(true)
  })

  it('leaves the entity to the runtime when none is given', () => {
    expect(createRunsQuery({ project: 'p' }).compile().variables.entity).toBeUndefined()
  })

  it('passes the cursor from after()', () => {
    expect(q.after('YXJyYXk6NDk=').compile().variables.cursor).toBe('YXJyYXk6NDk=')
  })

  describe('perPage', () => {
    it('defaults to 50', () => expect(q.compile().variables.perPage).toBe(50))
    it('shrinks to a small limit when the server filter is exact', () =>
      expect(q.limit(5).compile().variables.perPage).toBe(5))
    it('keeps 50 when a residual may drop runs', () =>
      expect(q.where({ 'systemMetrics.gpu': 1 }).limit(5).compile().variables.perPage).toBe(50))
    it('respects an explicit perPage', () =>
      expect(q.perPage(200).limit(5).compile().variables.perPage).toBe(200))
    it('suggests a larger page for large limits with a residual', () =>
      expect(q.where({ name: /^a/ }).limit(500).compile().explain()).toContain(
        'a larger .perPage() may save round trips',
      ))
  })

  it('overrides lazy() when the residual reads summary (the light fragment leaves it empty)', () => {
    const compiled = q
      .lazy()
      .where({ 'summary.loss': { $lt: 0.2 } })
      .compile()
    expect(compiled.lazy).toBe(false)
    expect(compiled.document).toContain('...RunFields')
    expect(q.lazy().where({ state: 'finished', name: /^a/ }).compile().lazy).toBe(true)
    expect(
      q
        .lazy()
        .where({ lastHistoryStep: { $gt: 100 } })
        .compile().lazy,
    ).toBe(false)
  })

  it('testResidual is the client part only; matches is the whole filter', () => {
    const compiled = q.where({ state: 'finished', name: /^exp/ }).compile()
    const crashed = makeRun({ state: 'crashed', name: 'exp-1' })
    expect(compiled.testResidual(crashed)).toBe(true)
    expect(compiled.matches(crashed)).toBe(false)
  })

  it('explain() says what runs where', () => {
    const compiled = q
      .where({ state: 'finished', 'summary.loss': { $lt: 0.2 }, name: /^exp/ })
      .orderBy('-summary.eval/loss')
      .limit(10)
      .compile()
    expect(compiled.explain()).toBe(
      [
        'runs of team/mnist',
        'server filter: {"state":"finished","summary_metrics.loss":{"$lt":0.2}}',
        'client residual: {"summary.loss":{"$lt":0.2},"name":{"$regex":"/^exp/"}}',
        '  - {"state":{"$eq":"finished"}} -> server',
        '  - {"summary.loss":{"$lt":0.2}} -> server+client: numeric comparison: pushed as a pre-filter and re-checked (the server\'s ordering across value types may differ)',
        '  - {"name":{"$regex":"/^exp/"}} -> client: anchors ^ and $ are not supported by W&B\'s server',
        "order: -summary_metrics['eval/loss'] (server)",
        'paging: 50 runs per page; stop after 10 runs pass the residual',
        'fields: RunFields (full)',
      ].join('\n'),
    )
    expect(createRunsQuery({ project: 'p' }).compile().explain()).toContain(
      'runs of <default entity>/p\nserver filter: none (all runs)',
    )
  })
})

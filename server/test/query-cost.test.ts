import { parse, getOperationAST } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runsQueryDocument } from '../../src/compiler/runs-query-document.js'
import { HISTORY_QUERY } from '../../src/streams/history-queries.js'
import { DEFAULT_COST_LIMITS, queryCost } from '../src/graphql/query-cost.js'
import type { RunningServer } from '../src/index.js'
import { gql, gqlOk, upsertRun, withServer } from './helpers.js'

const costOf = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query)
  return queryCost(document, getOperationAST(document)!, variables)
}

/** `levels` nested `runs(first: n)` lists, each run reaching its project's runs again. */
function nestedRuns(levels: number, n: number): string {
  let inner = 'name'
  for (let i = 0; i < levels; i++)
    inner = `project { runs(first: ${n}) { edges { node { name ${inner} } } } }`
  return `{ project(name: "p") { runs(first: ${n}) { edges { node { ${inner} } } } } }`
}

describe('query cost bound', () => {
  let srv: RunningServer
  beforeAll(async () => {
    srv = await withServer()
    for (const name of ['a', 'b']) await upsertRun(srv, { name, project: 'p' })
  })
  afterAll(() => srv.close())

  it('refuses nested lists that multiply out (5 levels of runs(first: 100) = 10^10 nodes) before running them', async () => {
    const res = await gql(srv, nestedRuns(4, 100))
    expect(res.status).toBe(400)
    expect(res.errors?.[0]?.message).toMatch(/query too expensive: it asks for more than 100000 fields/)
    expect(costOf(nestedRuns(2, 100)).nodes).toBeGreaterThan(DEFAULT_COST_LIMITS.maxNodes)
  })

  it('refuses documents nested deeper than the depth bound', async () => {
    const deep = nestedRuns(7, 1) // cheap (first: 1) but 30 levels deep
    const res = await gql(srv, deep)
    expect(res.status).toBe(400)
    expect(res.errors?.[0]?.message).toBe(
      `query too deep: more than ${DEFAULT_COST_LIMITS.maxDepth} nested selections`,
    )
  })

  it('counts variables, their declared defaults, samples and sampledHistory specs', () => {
    const q = 'query Q($n: Int = 7) { project(name: "p") { runs(first: $n) { edges { node { name } } } } }'
    expect(costOf(q).nodes).toBe(2 + 1000 + 7 * (10 + 3))
    expect(costOf(q, { n: 20 }).nodes).toBe(2 + 1000 + 20 * (10 + 3))
    const history = '{ project(name: "p") { run(name: "a") { history(samples: 100000) } } }'
    expect(costOf(history).nodes).toBe(3 + 100_000 * 0.02)
    const specs = `{ project(name: "p") { run(name: "a") { sampledHistory(specs: ["{\\"keys\\":[\\"x\\"],\\"samples\\":1000}", "{}"]) } } }`
    expect(costOf(specs).nodes).toBe(3 + 1500 * 0.02)
  })

  it("keeps wandb-rx's own documents well inside the bound (runs at the largest perPage, a history page)", async () => {
    const perPage = 1000 // the largest page wandb-rx's runs query builder allows
    for (const lazy of [true, false]) {
      const cost = costOf(runsQueryDocument(lazy), { project: 'p', entity: 'local', perPage })
      expect(cost.nodes).toBeLessThan(DEFAULT_COST_LIMITS.maxNodes / 2)
    }
    const history = costOf(HISTORY_QUERY, { project: 'p', entity: 'local', name: 'a', samples: 100_000 })
    expect(history.nodes).toBeLessThan(DEFAULT_COST_LIMITS.maxNodes / 2)
    const page = await gqlOk(srv, runsQueryDocument(false), { project: 'p', entity: 'local', perPage })
    expect(page.project.runs.edges).toHaveLength(2)
  })
})

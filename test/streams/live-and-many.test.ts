import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { LiveEvent } from '../../src/dsl/runs-query-runtime.js'
import { createRunsQuery } from '../../src/dsl/builders/runs-query.js'
import { createRunsRuntime } from '../../src/streams/runs-runtime.js'
import { scanHistories } from '../../src/streams/scan-histories.js'
import { scanHistoryOf, type TaggedHistoryRow } from '../../src/streams/scan-history-of.js'
import { logRun, RunWriter, upsertRun } from '../support/local-run-writer.js'
import { record } from '../support/recorder.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server

beforeAll(async () => {
  srv = await startServer({ port: 0 })
})
afterAll(() => srv.close())

const runsOf = (api: Api, project: string) =>
  createRunsQuery({ entity: srv.entity, project, runtime: createRunsRuntime(api.context) })
const describeEvent = (e: LiveEvent) =>
  e.type === 'snapshot' ? `snapshot:${e.runs.map((r) => r.id).join(',')}` : `${e.type}:${e.run.id}`

describe('query.live()', () => {
  it('emits a snapshot, then added / changed / removed as runs start, log and finish', async () => {
    await upsertRun(srv, 'table', 'a')
    await upsertRun(srv, 'table', 'b')
    const api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey })
    const live = record(runsOf(api, 'table').where({ state: 'running' }).live({ intervalMs: 20 }))
    await live.until((events) => events.length === 1)
    expect(describeEvent(live.values[0] as LiveEvent)).toBe('snapshot:a,b')

    await new RunWriter(srv, 'table', 'a').log([], { loss: 0.5 })
    await live.until((events) => events.some((e) => describeEvent(e) === 'changed:a'))
    await upsertRun(srv, 'table', 'c')
    await live.until((events) => events.some((e) => describeEvent(e) === 'added:c'))
    await new RunWriter(srv, 'table', 'b').finish()
    await live.until((events) => events.some((e) => describeEvent(e) === 'removed:b'))
    live.unsubscribe()

    const changed = live.values.find((e) => describeEvent(e) === 'changed:a')
    expect(changed).toMatchObject({ run: { summary: { loss: 0.5 } } })
    expect(live.values.filter((e) => e.type === 'added').map(describeEvent)).toEqual(['added:c'])
  })
})

describe('scanHistoryOf', () => {
  it('scans every run of a query, tags rows with _run, and shares one concurrency limit', async () => {
    const counts = { r1: 300, r2: 0, r3: 250, r4: 120 }
    for (const [name, rows] of Object.entries(counts)) await logRun(srv, { project: 'export', name, rows })
    let inFlight = 0
    let most = 0
    const api = new Api({
      baseUrl: srv.url,
      apiKey: srv.apiKey,
      fetch: async (url, init) => {
        const history = String(init?.body).includes('RunHistory"')
        if (history) most = Math.max(most, ++inFlight)
        try {
          const res = await fetch(url, init)
          return new Response(await res.arrayBuffer(), res)
        } finally {
          if (history) inFlight--
        }
      },
    })
    const rows: TaggedHistoryRow[] = await lastValueFrom(
      runsOf(api, 'export')
        .stream()
        .pipe(scanHistoryOf(api, { pageSize: 40, concurrency: 3, source: 'graphql' }), toArray()),
    )
    for (const [name, count] of Object.entries(counts)) {
      const steps = rows.filter((r) => r._run === name).map((r) => r._step)
      expect(steps).toEqual(Array.from({ length: count }, (_, i) => i))
    }
    expect(rows).toHaveLength(670)
    expect(most).toBe(3)
    const again = await lastValueFrom(
      scanHistories(api, runsOf(api, 'export'), { pageSize: 100 }).pipe(toArray()),
    )
    expect(again.map((r) => `${r._run}:${r._step}`).sort()).toEqual(
      rows.map((r) => `${r._run}:${r._step}`).sort(),
    )
  })

  it('accepts run paths and keys', async () => {
    await logRun(srv, {
      project: 'export2',
      name: 'k1',
      rows: [
        { _step: 0, a: 1 },
        { _step: 1, b: 2 },
        { _step: 2, a: 3, b: 4 },
      ],
    })
    const api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey })
    const { from } = await import('rxjs')
    const rows = await lastValueFrom(
      from([`${srv.entity}/export2/k1`]).pipe(scanHistoryOf(api, { keys: ['a'] }), toArray()),
    )
    expect(rows).toEqual([
      { _step: 0, a: 1, _run: 'k1' },
      { _step: 2, a: 3, _run: 'k1' },
    ])
  })
})

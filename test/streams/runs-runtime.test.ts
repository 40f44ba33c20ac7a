import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { Run } from '../../src/codecs/run.js'
import { createRunsQuery } from '../../src/dsl/builders/runs-query.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { createRunsRuntime } from '../../src/streams/runs-runtime.js'
import { upsertRun } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server

const client = (options: { fetch?: typeof fetch } = {}) =>
  new Api({ baseUrl: srv.url, apiKey: srv.apiKey, retry: { minDelayMs: 10, maxDelayMs: 50 }, ...options })
const runsOf = (api: Api, project: string) =>
  createRunsQuery({ entity: srv.entity, project, runtime: createRunsRuntime(api.context) })
const ids = (runs: readonly Run[]) => runs.map((r) => r.id)
const names = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `r${String(from + i).padStart(2, '0')}`)

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  for (const name of names(0, 23)) {
    await upsertRun(srv, 'paging', name, { config: { i: Number(name.slice(1)) } })
  }
  srv.bulkInsertRuns(
    srv.entity,
    'big',
    names(0, 60).map((name, i) => ({ name, config: { i }, summary: { loss: 1 / (i + 1) } })),
  )
})
afterAll(() => srv.close())

describe('runs stream over HTTP', () => {
  it('is lazy: nothing is requested before subscribe', async () => {
    const api = client()
    const stream = runsOf(api, 'paging').stream()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(api.stats().requests).toBe(0)
    expect(ids(await lastValueFrom(stream.pipe(toArray())))).toEqual(names(0, 23))
  })

  it('pages with the last edge cursor until hasNextPage is false, one request per page', async () => {
    const api = client()
    const runs = await runsOf(api, 'paging').perPage(5).toArray()
    expect(ids(runs)).toEqual(names(0, 23))
    expect(api.stats().requests).toBe(5)
    expect(api.stats().rows).toBe(23)
  })

  it('pages() exposes cursors, and after(cursor) resumes exactly where a page ended', async () => {
    const api = client()
    const query = runsOf(api, 'paging').perPage(10)
    const [first] = await lastValueFrom(query.pages().pipe(take(1), toArray()))
    expect(first).toMatchObject({ hasNextPage: true })
    expect(ids(first?.runs ?? [])).toEqual(names(0, 10))
    const rest = await query.after(first?.cursor ?? null).toArray()
    expect(ids(rest)).toEqual(names(10, 23))
    const pages = await lastValueFrom(query.pages().pipe(toArray()))
    expect(pages.map((p) => [p.runs.length, p.hasNextPage])).toEqual([
      [10, true],
      [10, true],
      [3, false],
    ])
  })

  it('sees runs inserted between page requests exactly once, and loses none', async () => {
    for (const name of ['a0', 'a1', 'a2']) await upsertRun(srv, 'inserts', name)
    let requests = 0
    const api = client({
      fetch: async (url, init) => {
        // Runs logged by someone else while the stream pages: before the 2nd page, they sort
        // after everything read so far (+created_at), so the keyset cursor must pick them up.
        if (++requests === 2) for (const name of ['b0', 'b1']) await upsertRun(srv, 'inserts', name)
        return fetch(url, init)
      },
    })
    expect(ids(await runsOf(api, 'inserts').perPage(2).toArray())).toEqual(['a0', 'a1', 'a2', 'b0', 'b1'])
  })

  it('applies the residual per page and keeps paging until limit runs passed it', async () => {
    const api = client()
    const query = runsOf(api, 'paging')
      .where({ 'config.i': { $mod: [4, 1] } })
      .perPage(3)
    expect(query.compile().residual).not.toBeNull()
    expect(ids(await query.toArray())).toEqual(['r01', 'r05', 'r09', 'r13', 'r17', 'r21'])
    const limited = query.limit(4)
    expect(ids(await limited.toArray())).toEqual(['r01', 'r05', 'r09', 'r13'])
  })

  it('a limit that cuts a page resumes from the last run kept', async () => {
    const query = runsOf(client(), 'paging').perPage(10)
    const [page] = await lastValueFrom(query.limit(4).pages().pipe(toArray()))
    expect(page).toMatchObject({ hasNextPage: true })
    expect(ids(page?.runs ?? [])).toEqual(names(0, 4))
    expect(
      ids(
        await query
          .after(page?.cursor ?? null)
          .limit(3)
          .toArray(),
      ),
    ).toEqual(names(4, 7))
  })

  it('count() is runCount without a residual, an exact streamed count with one, capped by limit', async () => {
    const api = client()
    expect(await runsOf(api, 'paging').count()).toBe(23)
    expect(await runsOf(api, 'paging').limit(7).count()).toBe(7)
    const residual = runsOf(api, 'paging').where({ 'config.i': { $mod: [4, 1] } })
    expect(await residual.count()).toBe(6)
    expect(await residual.limit(2).count()).toBe(2)
  })

  it('sortLocally() reads all matches, sorts on the client, then limits', async () => {
    const query = runsOf(client(), 'big').orderBy('state', '-config.i').sortLocally().perPage(25).limit(3)
    expect(ids(await query.toArray())).toEqual(['r59', 'r58', 'r57'])
    await expect(
      runsOf(client(), 'big').orderBy('state', '-config.i').sortLocally({ maxRuns: 10 }).toArray(),
    ).rejects.toThrow(/more than 10 runs/)
  })

  it('a missing project is a NotFoundError', async () => {
    await expect(runsOf(client(), 'no-such-project').toArray()).rejects.toBeInstanceOf(NotFoundError)
    await expect(runsOf(client(), 'no-such-project').count()).rejects.toBeInstanceOf(NotFoundError)
  })

  it('take(n) aborts the prefetch in flight and requests nothing more', async () => {
    const signals: AbortSignal[] = []
    const api = client({
      fetch: (url, init) => {
        if (init?.signal) signals.push(init.signal)
        return fetch(url, init)
      },
    })
    srv.setFaults({ operations: ['Runs'], latencyMs: 100 })
    try {
      const runs = await lastValueFrom(runsOf(api, 'big').perPage(5).stream().pipe(take(3), toArray()))
      expect(ids(runs)).toEqual(names(0, 3))
      expect(signals).toHaveLength(2) // page 1, and the prefetch of page 2
      expect(signals[1]?.aborted).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect(api.stats().requests).toBe(2)
    } finally {
      srv.setFaults(undefined)
    }
  })

  it('breaking out of for-await aborts the prefetch', async () => {
    const signals: AbortSignal[] = []
    const api = client({
      fetch: (url, init) => (init?.signal && signals.push(init.signal), fetch(url, init)),
    })
    for await (const run of runsOf(api, 'big').perPage(5)) if (run.id === 'r01') break
    expect(signals.length).toBe(2)
    expect(signals[1]?.aborted).toBe(true)
  })

  it('retried pages (500, 429, reset, malformed) never emit a run twice', async () => {
    srv.setFaults({
      operations: ['Runs'],
      retryAfter: 0,
      schedule: [
        { request: 2, kind: '500' },
        { request: 4, kind: '429' },
        { request: 6, kind: 'reset' },
        { request: 8, kind: 'malformed' },
      ],
    })
    try {
      const api = client()
      const runs = await runsOf(api, 'big').perPage(7).toArray()
      expect(ids(runs)).toEqual(names(0, 60))
      expect(api.stats().retries).toBe(4)
    } finally {
      srv.setFaults(undefined)
    }
  })

  it('first() fetches a single run', async () => {
    const api = client()
    expect((await runsOf(api, 'big').first())?.id).toBe('r00')
    expect(api.stats().requests).toBe(1)
  })

  it('fills the default entity from the viewer when the query has none', async () => {
    const api = client()
    const query = createRunsQuery({ project: 'paging', runtime: createRunsRuntime(api.context) })
    expect(await firstValueFrom(query.stream())).toMatchObject({ id: 'r00', entity: srv.entity })
  })
})

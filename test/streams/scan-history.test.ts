import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { logRun, makeRows, type WriterTarget } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let target: WriterTarget
const api = () => new Api({ baseUrl: srv.url, apiKey: srv.apiKey, retry: { minDelayMs: 10, maxDelayMs: 50 } })

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  target = srv
  await logRun(target, { project: 'scan', name: 'dense', rows: 2500, chunk: 1000 })
  const sparse = [...makeRows(10), ...makeRows(10, undefined, 5000), ...makeRows(1, undefined, 12_000)]
  await logRun(target, { project: 'scan', name: 'sparse', rows: sparse })
  await logRun(target, { project: 'scan', name: 'empty', rows: 0 })
  const odd = [
    { _step: 0, loss: NaN, acc: 1 },
    { _step: 1, loss: Infinity, acc: 2 },
    { _step: 2, loss: -Infinity },
    { _step: 3, acc: 4 },
    { _step: 4, loss: 0.5, acc: 5, nested: { a: 1 } },
  ]
  await logRun(target, { project: 'scan', name: 'odd', rows: odd })
})
afterAll(() => srv.close())

const steps = (rows: readonly { _step: number }[]) => rows.map((r) => r._step)
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

describe('scanHistory over HTTP', () => {
  it('emits every row once, in _step order, with parallel windows', async () => {
    const rows = await lastValueFrom(
      api().run(`${srv.entity}/scan/dense`).scanHistory({ pageSize: 300, concurrency: 4 }).pipe(toArray()),
    )
    expect(steps(rows)).toEqual(range(0, 2500))
    expect(rows[7]).toMatchObject({ _step: 7, loss: 0.007, acc: 0.014 })
  })

  it('keeps going past empty windows; only lastStep ends the scan', async () => {
    const rows = await lastValueFrom(
      api().run(`${srv.entity}/scan/sparse`).scanHistory({ pageSize: 1000 }).pipe(toArray()),
    )
    expect(steps(rows)).toEqual([...range(0, 10), ...range(5000, 5010), 12_000])
  })

  it('honours minStep (inclusive) and maxStep (exclusive)', async () => {
    const rows = await lastValueFrom(
      api()
        .run(`${srv.entity}/scan/dense`)
        .scanHistory({ minStep: 995, maxStep: 1003, pageSize: 3 })
        .pipe(toArray()),
    )
    expect(steps(rows)).toEqual(range(995, 1003))
  })

  it('completes empty for a run without history', async () => {
    const rows = await lastValueFrom(api().run(`${srv.entity}/scan/empty`).scanHistory().pipe(toArray()))
    expect(rows).toEqual([])
  })

  it('passes NaN and ±Infinity through as numbers', async () => {
    const rows = await lastValueFrom(
      api().run(`${srv.entity}/scan/odd`).scanHistory({ pageSize: 2 }).pipe(toArray()),
    )
    expect(steps(rows)).toEqual([0, 1, 2, 3, 4])
    expect(rows[0]?.['loss']).toBeNaN()
    expect(rows[1]?.['loss']).toBe(Infinity)
    expect(rows[2]?.['loss']).toBe(-Infinity)
    expect(rows[4]?.['nested']).toEqual({ a: 1 })
  })

  it('with keys, emits only rows holding every key, with just those keys', async () => {
    const rows = await lastValueFrom(
      api()
        .run(`${srv.entity}/scan/odd`)
        .scanHistory({ keys: ['loss', 'acc'], pageSize: 2 })
        .pipe(toArray()),
    )
    expect(steps(rows)).toEqual([0, 1, 4])
    expect(Object.keys(rows[2] ?? {}).sort()).toEqual(['_step', 'acc', 'loss'])
    expect(rows[0]?.['loss']).toBeNaN()
  })

  it('keeps at most `concurrency` window requests in flight', async () => {
    let inFlight = 0
    let most = 0
    const counting = new Api({
      baseUrl: srv.url,
      apiKey: srv.apiKey,
      fetch: async (url, init) => {
        most = Math.max(most, ++inFlight)
        try {
          const res = await fetch(url, init)
          return new Response(await res.arrayBuffer(), res)
        } finally {
          inFlight--
        }
      },
    })
    const rows = await lastValueFrom(
      counting
        .run(`${srv.entity}/scan/dense`)
        .scanHistory({ pageSize: 100, concurrency: 3, source: 'graphql' })
        .pipe(toArray()),
    )
    expect(rows).toHaveLength(2500)
    expect(most).toBe(3)
  })

  it('retried windows (500, 429, reset) never duplicate or drop a row', async () => {
    srv.setFaults({
      operations: ['RunHistory'],
      retryAfter: 0,
      schedule: [
        { request: 2, kind: '500' },
        { request: 4, kind: '429' },
        { request: 5, kind: 'reset' },
        { request: 7, kind: '503' },
      ],
    })
    try {
      const client = api()
      const rows = await lastValueFrom(
        client
          .run(`${srv.entity}/scan/dense`)
          .scanHistory({ pageSize: 250, concurrency: 4, source: 'graphql' })
          .pipe(toArray()),
      )
      expect(steps(rows)).toEqual(range(0, 2500))
      expect(client.stats().retries).toBeGreaterThanOrEqual(4)
    } finally {
      srv.setFaults(undefined)
    }
  })

  it('take(n) stops early and stops requesting', async () => {
    const client = api()
    const rows = await firstValueFrom(
      client
        .run(`${srv.entity}/scan/dense`)
        .scanHistory({ pageSize: 100, concurrency: 2, source: 'graphql' })
        .pipe(take(150), toArray()),
    )
    expect(steps(rows)).toEqual(range(0, 150))
    const requests = client.stats().requests
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(client.stats().requests).toBe(requests)
    expect(requests).toBeLessThanOrEqual(1 + 3) // historyKeys + windows 0, 1 and the one started before emitting 1
  })

  it('a missing run is a NotFoundError', async () => {
    await expect(lastValueFrom(api().run(`${srv.entity}/scan/nope`).scanHistory())).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })

  it('rejects bad options synchronously', () => {
    expect(() => api().run('e/p/r').scanHistory({ pageSize: 0 })).toThrow(RangeError)
    expect(() => api().run('e/p/r').scanHistory({ concurrency: 1.5 })).toThrow(RangeError)
  })
})

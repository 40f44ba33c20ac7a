import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { TransportError } from '../../src/errors/transport-error.js'
import type { RunEvent, WatchManyEvent } from '../../src/streams/run-event.js'
import { watchMany } from '../../src/streams/watch-many.js'
import { logRun, makeRows, RunWriter, upsertRun } from '../support/local-run-writer.js'
import { record } from '../support/recorder.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
const client = (options: { fetch?: typeof fetch; retries?: number } = {}) =>
  new Api({
    baseUrl: srv.url,
    apiKey: srv.apiKey,
    retry: {
      minDelayMs: 10,
      maxDelayMs: 50,
      ...(options.retries === undefined ? {} : { retries: options.retries }),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })

beforeAll(async () => {
  srv = await startServer({ port: 0 })
})
afterAll(() => srv.close())

const stepsOf = (events: readonly RunEvent[]) =>
  events.flatMap((e) => (e.type === 'history' ? e.rows.map((r) => r._step) : []))
const lastStep = (events: readonly RunEvent[]) => stepsOf(events).at(-1) ?? -1
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

describe('watch over HTTP, driving a live run through file_stream', () => {
  it('emits new rows once each, summary changes, heartbeats, state transitions, then end', async () => {
    await upsertRun(srv, 'live', 'w1')
    const writer = new RunWriter(srv, 'live', 'w1')
    await writer.log(makeRows(5), { loss: 0.4 })
    const watched = record(client().run(`${srv.entity}/live/w1`).watch({ intervalMs: 20, pageSize: 500 }))

    await watched.until((events) => lastStep(events) === 4)
    await writer.log(makeRows(5, undefined, 5), undefined, 2) // three requests
    await watched.until((events) => lastStep(events) === 9)

    await writer.log([], { loss: 0.1, best: 1 })
    await watched.until((events) => events.some((e) => e.type === 'summary' && e.changed['best'] === 1))
    const beats = watched.values.filter((e) => e.type === 'heartbeat').length
    await writer.heartbeat()
    await watched.until((events) => events.filter((e) => e.type === 'heartbeat').length > beats)

    await writer.log(makeRows(2000, undefined, 10), undefined, 700) // catch-up spans several windows
    await writer.finish()
    const events = await watched.done()

    expect(stepsOf(events)).toEqual(range(0, 2010))
    expect(events.filter((e) => e.type === 'state')).toEqual([
      { type: 'state', from: null, to: 'running' },
      { type: 'state', from: 'running', to: 'finished' },
    ])
    const summaries = events.filter((e) => e.type === 'summary')
    expect(summaries[0]).toMatchObject({ changed: { loss: 0.4 }, removed: [] })
    expect(summaries[1]).toMatchObject({ changed: { loss: 0.1, best: 1 }, summary: { loss: 0.1, best: 1 } })
    expect(events.at(-1)).toEqual({ type: 'end', state: 'finished' })
  })

  it('replays a finished run and ends at once; a failed exit code ends as failed', async () => {
    await logRun(srv, { project: 'live', name: 'done', rows: 30, exitcode: 1 })
    const events = await record(client().run(`${srv.entity}/live/done`).watch({ intervalMs: 20 })).done()
    expect(stepsOf(events)).toEqual(range(0, 30))
    expect(events.at(-1)).toEqual({ type: 'end', state: 'failed' })
  })

  it("with keys, only rows holding every key; fromStep 'now' skips earlier rows", async () => {
    await upsertRun(srv, 'live', 'w2')
    const writer = new RunWriter(srv, 'live', 'w2')
    await writer.log(makeRows(10))
    const watched = record(
      client()
        .run(`${srv.entity}/live/w2`)
        .watch({ intervalMs: 20, keys: ['acc'], fromStep: 'now' }),
    )
    await watched.until((events) => events.some((e) => e.type === 'state'))
    await writer.log([
      { _step: 10, loss: 1 },
      { _step: 11, acc: 2 },
      { _step: 12, acc: 3, loss: 3 },
    ])
    await writer.finish()
    const events = await watched.done()
    expect(stepsOf(events)).toEqual([11, 12])
    const rows = events.flatMap((e) => (e.type === 'history' ? e.rows : []))
    expect(rows.map((r) => Object.keys(r).sort())).toEqual([
      ['_step', 'acc'],
      ['_step', 'acc'],
    ])
  })

  it('a transient 500 is retried by the transport and the watch goes on', async () => {
    await logRun(srv, { project: 'live', name: 'flaky', rows: 3 })
    srv.setFaults({ operations: ['WatchRuns'], schedule: [{ request: 1, kind: '500' }] })
    try {
      const events = await record(client().run(`${srv.entity}/live/flaky`).watch({ intervalMs: 20 })).done()
      expect(stepsOf(events)).toEqual([0, 1, 2])
    } finally {
      srv.setFaults(undefined)
    }
  })

  it('errors that outlast the retries end the watch with the typed error', async () => {
    await upsertRun(srv, 'live', 'broken')
    srv.setFaults({ operations: ['WatchRuns'], rate: 1, kinds: ['502'] })
    try {
      const error = await record(
        client({ retries: 1 }).run(`${srv.entity}/live/broken`).watch({ intervalMs: 20 }),
      ).failed()
      expect(error).toBeInstanceOf(TransportError)
      expect(error).toMatchObject({ status: 502, operation: 'WatchRuns' })
    } finally {
      srv.setFaults(undefined)
    }
  })

  it('a missing run is a NotFoundError', async () => {
    const error = await record(client().run(`${srv.entity}/live/nope`).watch({ intervalMs: 20 })).failed()
    expect(error).toBeInstanceOf(NotFoundError)
  })
})

describe('watchMany', () => {
  it('batches every run into one status request per poll, and delivers every row once', async () => {
    const names = ['m0', 'm1', 'm2', 'm3', 'm4']
    const writers = names.map((name) => new RunWriter(srv, 'many', name))
    for (const name of names) await upsertRun(srv, 'many', name)
    const operations: string[] = []
    const api = client({
      fetch: (url, init) => {
        operations.push(String((JSON.parse(String(init?.body)) as { operationName?: string }).operationName))
        return fetch(url, init)
      },
    })
    const watched = record(
      watchMany(
        api.context,
        names.map((n) => `${srv.entity}/many/${n}`),
        { intervalMs: 20 },
      ),
    )
    const rowsOf = (events: readonly WatchManyEvent[], name: string) =>
      stepsOf(events.filter((e) => e.path.endsWith(`/${name}`)).map((e) => e.event))
    for (let round = 0; round < 3; round++) {
      for (const writer of writers) await writer.log(makeRows(4, undefined, round * 4))
      await watched.until((events) => names.every((n) => rowsOf(events, n).length === (round + 1) * 4))
    }
    for (const writer of writers) await writer.finish()
    const events = await watched.done()
    for (const name of names) expect(rowsOf(events, name)).toEqual(range(0, 12))
    expect(events.filter((e) => e.event.type === 'end')).toHaveLength(5)
    expect(new Set(operations)).toEqual(new Set(['WatchRuns', 'WatchRows']))
    // one status request per poll (plus the final drain); row windows only when some run logged
    const statusPolls = operations.filter((op) => op === 'WatchRuns').length
    expect(operations.filter((op) => op === 'WatchRows').length).toBeLessThanOrEqual(statusPolls)
  })
})

import { firstValueFrom, lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { aggregateRuns } from '../../src/compiler/aggregate-runs.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'
import { RunWriter, upsertRun } from '../support/local-run-writer.js'
import { record } from '../support/recorder.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server

const client = (options: { fetch?: typeof fetch } = {}) =>
  new Api({ baseUrl: srv.url, apiKey: srv.apiKey, retry: { minDelayMs: 10, maxDelayMs: 50 }, ...options })
const seeded = [
  { name: 'a1', optimizer: 'adam', loss: 0.1, finished: true },
  { name: 'a2', optimizer: 'adam', loss: 0.3, finished: true },
  { name: 'a3', optimizer: 'adam', loss: 0.9, finished: false },
  { name: 's1', optimizer: 'sgd', loss: 0.4, finished: true },
  { name: 's2', optimizer: 'sgd', loss: 0.8, finished: true },
]

async function seed(project: string) {
  for (const run of seeded) {
    await upsertRun(srv, project, run.name, { config: { optimizer: run.optimizer, lr: run.loss / 10 } })
    const writer = new RunWriter(srv, project, run.name)
    await writer.log([], { loss: run.loss })
    if (run.finished) await writer.finish()
  }
}

const byOptimizer = [
  {
    $group: {
      _id: '$config.optimizer',
      mean: { $avg: '$summary.loss' },
      n: { $count: {} },
      best: { $min: '$summary.loss' },
    },
  },
  { $sort: { _id: 1 } },
] as const

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await seed('agg')
})
afterAll(() => srv.close())

describe('query.aggregate() over HTTP', () => {
  it('pushes a leading $match down and groups the matching runs on the client', async () => {
    const api = client()
    const query = api.runs(`${srv.entity}/agg`).aggregate([{ $match: { state: 'finished' } }, ...byOptimizer])
    const compiled = query.compile()
    expect(compiled.runs.variables.filters).toBe(
      api.runs('agg').where({ state: 'finished' }).compile().variables.filters,
    )
    expect(JSON.parse(compiled.runs.variables.filters)).toEqual({ state: 'finished' })
    expect(compiled.pipeline).toEqual(byOptimizer)
    expect(compiled.reads).toEqual(['config', 'summary'])
    expect(compiled.explain()).toContain('$group')
    expect(api.stats().requests).toBe(0)

    const rows = await query.toArray()
    expect(rows).toEqual([
      { _id: 'adam', mean: expect.closeTo(0.2, 12), n: 2, best: 0.1 },
      { _id: 'sgd', mean: expect.closeTo(0.6, 12), n: 2, best: 0.4 },
    ])
    expect(Object.isFrozen(rows[0])).toBe(true)
    const runs = await api.runs(`${srv.entity}/agg`).where({ state: 'finished' }).toArray()
    expect(rows).toEqual(aggregateRuns(runs, byOptimizer))
  })

  it('stream() emits the result documents in order and completes; async iteration matches', async () => {
    const query = client()
      .runs(`${srv.entity}/agg`)
      .aggregate([
        { $project: { _id: 0, id: 1, loss: '$summary.loss' } },
        { $sort: { loss: -1 } },
        { $limit: 3 },
      ])
    const streamed = await lastValueFrom(query.stream().pipe(toArray()))
    expect(streamed).toEqual([
      { id: 'a3', loss: 0.9 },
      { id: 's2', loss: 0.8 },
      { id: 's1', loss: 0.4 },
    ])
    const iterated: unknown[] = []
    for await (const doc of query) iterated.push(doc)
    expect(iterated).toEqual(streamed)
  })

  it('a pipeline reading only light fields lists runs without config and summary', async () => {
    const query = client()
      .runs(`${srv.entity}/agg`)
      .aggregate([{ $sortByCount: '$state' }])
    expect(query.compile().runs.lazy).toBe(true)
    expect(query.compile().reads).toEqual(['state'])
    expect(await query.toArray()).toEqual([
      { _id: 'finished', count: 4 },
      { _id: 'running', count: 1 },
    ])
  })

  it('unsubscribing aborts the runs request in flight and requests nothing more', async () => {
    const signals: AbortSignal[] = []
    const api = client({
      fetch: (url, init) => {
        if (init?.signal) signals.push(init.signal)
        return fetch(url, init)
      },
    })
    srv.setFaults({ operations: ['Runs'], latencyMs: 200 })
    try {
      const live = record(
        api
          .runs(`${srv.entity}/agg`)
          .perPage(2)
          .aggregate([{ $count: 'n' }])
          .stream(),
      )
      while (signals.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
      live.unsubscribe()
      expect(signals[0]?.aborted).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect(api.stats().requests).toBe(1)
      expect(live.values).toEqual([])
    } finally {
      srv.setFaults(undefined)
    }
  })

  it('rejects a bad pipeline at aggregate(), before any request', () => {
    const api = client()
    const bad = () =>
      api
        .runs('agg')
        .aggregate([{ $group: { _id: null, x: { $function: { body: '', args: [], lang: 'js' } } } }])
    expect(bad).toThrow(FilterCompileError)
    expect(bad).toThrow(/pipeline\.0\.\$group\.x\.\$function/)
    expect(api.stats().requests).toBe(0)
  })
})

describe('aggregate().live()', () => {
  it('emits the whole result first, then only when a poll changes it', async () => {
    await seed('live')
    const api = client()
    const live = record(api.runs(`${srv.entity}/live`).aggregate(byOptimizer).live({ intervalMs: 20 }))
    await live.until((values) => values.length === 1)
    expect(live.values[0]).toEqual([
      { _id: 'adam', mean: expect.closeTo(1.3 / 3, 12), n: 3, best: 0.1 },
      { _id: 'sgd', mean: expect.closeTo(0.6, 12), n: 2, best: 0.4 },
    ])

    // a3 (running) logs a better loss: only adam's group moves.
    await new RunWriter(srv, 'live', 'a3').log([], { loss: 0.05 })
    await live.until((values) => values.length === 2)
    expect(live.values[1]).toEqual([
      { _id: 'adam', mean: expect.closeTo(0.45 / 3, 12), n: 3, best: 0.05 },
      { _id: 'sgd', mean: expect.closeTo(0.6, 12), n: 2, best: 0.4 },
    ])

    // A new run with a new optimizer adds a group.
    await upsertRun(srv, 'live', 'r1', { config: { optimizer: 'rmsprop' } })
    await live.until((values) => values.length === 3)
    const [adam, sgd] = live.values[1] ?? []
    expect(live.values[2]).toEqual([adam, { _id: 'rmsprop', mean: null, n: 1, best: null }, sgd])

    // A change the pipeline does not read (a new summary key) and unchanged polls emit nothing.
    await new RunWriter(srv, 'live', 'a3').log([], { loss: 0.05, acc: 0.9 })
    const after = api.stats().requests
    await new Promise<void>((resolve) => {
      const wait = () => (api.stats().requests >= after + 5 ? resolve() : setTimeout(wait, 5))
      wait()
    })
    expect(live.values).toHaveLength(3)
    live.unsubscribe()
  })

  it('ends with the typed error when the data breaks the pipeline', async () => {
    await seed('broken')
    const query = client()
      .runs(`${srv.entity}/broken`)
      .aggregate([{ $bucket: { groupBy: '$summary.loss', boundaries: [0, 0.5] } }])
    const error = await firstValueFrom(query.live({ intervalMs: 20 })).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'PipelineError' })
  })
})

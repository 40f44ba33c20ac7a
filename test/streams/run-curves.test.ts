import fc from 'fast-check'
import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { groupCurves } from '../../src/curves/group-curves.js'
import type { Run } from '../../src/codecs/run.js'
import type { CurveSet } from '../../src/curves/curve-set.js'
import type { HistoryRow } from '../../src/codecs/history-row-codec.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'
import { sameJson } from '../../src/streams/same-json.js'
import { logRun, RunWriter, upsertRun } from '../support/local-run-writer.js'
import { record } from '../support/recorder.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
const api = () => new Api({ baseUrl: srv.url, apiKey: srv.apiKey })

/** Rows on a run-specific step grid, some NaN or ±Infinity, some without `loss` at all. */
const gridRows = (seed: number, count: number, stride: number): HistoryRow[] =>
  Array.from({ length: count }, (_, i) => {
    const step = i * stride + (seed % stride)
    const row: Record<string, unknown> & HistoryRow = { _step: step, _runtime: step / 8, acc: i }
    if (i % 11 === 3) row['loss'] = NaN
    else if (i % 17 === 5) row['loss'] = seed % 2 ? Infinity : -Infinity
    else if (i % 13 !== 7) row['loss'] = Math.sin(seed * 7 + i) + seed / 10
    return row
  })

const RUNS = [
  { name: 'r1', config: { opt: 'adam', lr: 0.1 }, rows: gridRows(1, 60, 1) },
  { name: 'r2', config: { opt: 'adam', lr: 0.01 }, rows: gridRows(2, 40, 3) },
  { name: 'r3', config: { opt: 'sgd', lr: 0.1 }, rows: gridRows(3, 25, 5) },
  { name: 'r4', config: { opt: 'sgd' }, rows: gridRows(4, 70, 2) },
  { name: 'r5', config: { lr: 0.01 }, rows: [] },
]

/** What the server returns for `keys: ['loss']`: only the rows holding the key. */
const withLoss = (rows: readonly HistoryRow[]) => rows.filter((row) => 'loss' in row)

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  for (const run of RUNS) await logRun(srv, { project: 'curves', ...run })
})
afterAll(() => srv.close())

const reference = (runs: readonly Run[], options: Parameters<typeof groupCurves>[1]) =>
  groupCurves(
    runs.map((run) => ({ run, rows: withLoss(RUNS.find((r) => r.name === run.id)?.rows ?? []) })),
    options,
  )

describe('query.curves() against the local server', () => {
  it.each(['sampled', 'full'] as const)(
    'from %s history equals groupCurves over the logged rows, and completes',
    async (source) => {
      const client = api()
      const query = client.runs(`${srv.entity}/curves`)
      const runs = await query.toArray()
      for (const groupBy of ['config.opt', ['config.opt', 'config.lr']] as const) {
        const options = { key: 'loss', groupBy, buckets: 20 }
        const sets = await lastValueFrom(query.curves({ ...options, source }).pipe(toArray()))
        expect(sets).toHaveLength(1)
        expect(sets[0]).toEqual(reference(runs, options))
      }
      const byRuntime = await lastValueFrom(query.curves({ key: 'loss', x: '_runtime', source }))
      expect(byRuntime).toEqual(reference(runs, { key: 'loss', x: '_runtime' }))
      expect(byRuntime.groups[0]?.points.length).toBeGreaterThan(10)
    },
  )

  it('sampled and full agree on small runs; sampled takes one request per run', async () => {
    const sampledApi = api()
    const sampled = await lastValueFrom(
      sampledApi.runs(`${srv.entity}/curves`).curves({ key: 'loss', groupBy: 'config.opt' }),
    )
    const full = await lastValueFrom(
      api().runs(`${srv.entity}/curves`).curves({ key: 'loss', groupBy: 'config.opt', source: 'full' }),
    )
    expect(sampled).toEqual(full)
    expect(sampled.groups.map((g) => [g.label, [...g.runIds].sort()])).toEqual([
      ['(none)', ['r5']],
      ['adam', ['r1', 'r2']],
      ['sgd', ['r3', 'r4']],
    ])
    expect(sampled.groups[1]?.skipped).toBeGreaterThan(0)
    // Runs listing (one page) + one sampledHistory request per run.
    expect(sampledApi.stats().requests).toBe(1 + RUNS.length)
  })

  it('samples down with samples: n, one value per run and bucket still', async () => {
    const set = await lastValueFrom(
      api()
        .runs(`${srv.entity}/curves`)
        .where({ 'config.opt': 'adam' })
        .curves({ key: 'loss', samples: 5, buckets: 1000 }),
    )
    const [group] = set.groups
    expect([...(group?.runIds ?? [])].sort()).toEqual(['r1', 'r2'])
    // At most 5 rows per run, so at most 10 buckets hold a value and none holds more than 2 runs.
    expect(group?.points.length).toBeLessThanOrEqual(10)
    expect(Math.max(...(group?.points ?? []).map((p) => p.count))).toBeLessThanOrEqual(2)
  })

  it('validates options at the call, before any request', () => {
    const client = api()
    const query = client.runs(`${srv.entity}/curves`)
    expect(() => query.curves({ key: 'loss', buckets: 0 })).toThrow(FilterCompileError)
    expect(() => query.curves({ key: 'loss', source: 'all' as never })).toThrow(/source/)
    expect(() => query.curves({ key: 'loss', samples: -1 })).toThrow(/samples/)
    expect(() => query.curves({ key: 'loss', live: { intervalMs: -5 } })).toThrow(/live.intervalMs/)
    expect(() => query.lazy().curves({ key: 'loss', groupBy: ['group', 'config.opt'] })).toThrow(
      'Invalid filter at groupBy.1: config.opt is not fetched by a lazy() query',
    )
    expect(() => query.lazy().curves({ key: 'loss', groupBy: 'tags' })).not.toThrow()
    expect(client.stats().requests).toBe(0)
  })
})

describe('query.curves() on random runs (property, through the server)', () => {
  const MISSING = Symbol('missing')
  const value = fc.oneof(
    { weight: 10, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0) }, // no -0
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 'x', true, MISSING) },
  )
  const run = fc.record({
    opt: fc.constantFrom('adam', 'sgd', undefined),
    start: fc.integer({ min: 0, max: 30 }),
    stride: fc.integer({ min: 1, max: 9 }),
    values: fc.array(value, { maxLength: 30 }),
  })
  let cases = 0

  it('sampled and full history both give groupCurves over the logged rows holding the key', () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(run, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 25 }),
        async (runs, buckets) => {
          const project = `prop-${cases++}`
          const logged = new Map<string, HistoryRow[]>()
          for (const [i, r] of runs.entries()) {
            const rows = r.values.map((v, j) => {
              const row: Record<string, unknown> = { _step: r.start + j * r.stride, acc: j }
              if (v !== MISSING) row['loss'] = v
              return row as HistoryRow
            })
            logged.set(`p${i}`, rows)
            await logRun(srv, {
              project,
              name: `p${i}`,
              rows,
              config: r.opt === undefined ? {} : { opt: r.opt },
            })
          }
          const query = api().runs(`${srv.entity}/${project}`)
          const options = { key: 'loss', groupBy: 'config.opt', buckets }
          const expected = groupCurves(
            (await query.toArray()).map((r) => ({ run: r, rows: withLoss(logged.get(r.id) ?? []) })),
            options,
          )
          for (const source of ['sampled', 'full'] as const)
            expect(await lastValueFrom(query.curves({ ...options, source }))).toEqual(expected)
        },
      ),
      { numRuns: 12 },
    ))
})

describe('query.curves({ live })', () => {
  /** Rows of `loss = f(step)`; summary `ready` in the same request, so a run joins the query atomically. */
  const lossRows = (from: number, to: number, k: number) =>
    Array.from({ length: to - from }, (_, i) => ({
      _step: from + i,
      loss: (from + i) % 7 === 3 ? NaN : k / (from + i + 1),
    }))

  it.each(['sampled', 'full'] as const)(
    '%s: emits a set per change (rows logged, run added, run deleted), each equal to groupCurves over the rows logged so far',
    async (source) => {
      const project = `live-${source}`
      const logged = new Map<string, HistoryRow[]>()
      const log = async (writer: RunWriter, rows: HistoryRow[]) => {
        logged.set(writer.name, [...(logged.get(writer.name) ?? []), ...rows])
        await writer.log(rows, { ready: true })
      }
      await upsertRun(srv, project, 'a', { config: { opt: 'adam' } })
      const a = new RunWriter(srv, project, 'a')
      await log(a, lossRows(0, 10, 1))
      await upsertRun(srv, project, 'b', { config: { opt: 'sgd' } })
      const b = new RunWriter(srv, project, 'b')
      await log(b, lossRows(0, 25, 2))
      await b.finish()

      const specs: { run: string; minStep?: number }[] = [] // sampledHistory specs asked, per run
      const client = new Api({
        baseUrl: srv.url,
        apiKey: srv.apiKey,
        fetch: (url, init) => {
          const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, any>) : {}
          if (body['operationName'] === 'RunSampledHistory')
            for (const spec of body['variables'].specs as string[])
              specs.push({ run: body['variables'].name, ...JSON.parse(spec) })
          return fetch(url, init)
        },
      })
      const query = client.runs(`${srv.entity}/${project}`).where({ 'summary.ready': true })
      const options = { key: 'loss', groupBy: 'config.opt', buckets: 8 }
      const expected = async (): Promise<CurveSet> =>
        groupCurves(
          (await query.toArray()).map((run) => ({ run, rows: logged.get(run.id) ?? [] })),
          options,
        )
      const live = record(query.curves({ ...options, source, live: { intervalMs: 10 } }))
      const states: CurveSet[] = []
      const reach = async () => {
        const want = await expected()
        states.push(want)
        await live.until((sets) => sets.length > 0 && sameJson(sets.at(-1), want))
      }
      await reach()
      await log(a, lossRows(10, 30, 1)) // a running run logs: 'changed'
      await reach()
      const c = new RunWriter(srv, project, 'c')
      await upsertRun(srv, project, 'c', { config: { opt: 'adam' } })
      await log(c, lossRows(5, 40, 3)) // joins the query with its rows: 'added'
      await reach()
      await client.run(`${srv.entity}/${project}/b`).delete() // 'removed'
      await reach()
      // Polls that change nothing emit nothing.
      const requests = client.stats().requests
      const emitted = live.values.length
      while (client.stats().requests < requests + 6) await new Promise((resolve) => setTimeout(resolve, 5))
      live.unsubscribe()

      expect(live.values).toHaveLength(emitted)
      expect(states.map((s) => s.groups.map((g) => [g.label, [...g.runIds].sort()]))).toEqual([
        [
          ['adam', ['a']],
          ['sgd', ['b']],
        ],
        [
          ['adam', ['a']],
          ['sgd', ['b']],
        ],
        [
          ['adam', ['a', 'c']],
          ['sgd', ['b']],
        ],
        [['adam', ['a', 'c']]],
      ])
      // Every emission is one of the states, in order, and none repeats the one before.
      let at = 0
      for (const [i, set] of live.values.entries()) {
        while (at < states.length && !sameJson(set, states[at])) at++
        expect(at, `emission ${i} is a state logged so far`).toBeLessThan(states.length)
        if (i > 0) expect(sameJson(set, live.values[i - 1])).toBe(false)
      }
      expect(live.values[0]).toEqual(states[0])
      // Run a was read twice: whole at first; then whole again (sampled) or only its new rows (full).
      const readsOfA = specs.filter((spec) => spec.run === 'a').map((spec) => spec.minStep)
      expect(readsOfA).toEqual(source === 'full' ? [0, 10] : [undefined, undefined])
    },
  )

  it('unsubscribing aborts the history requests in flight', async () => {
    await logRun(srv, { project: 'abort', name: 'x', rows: 5 })
    const signals: AbortSignal[] = []
    const client = new Api({
      baseUrl: srv.url,
      apiKey: srv.apiKey,
      fetch: (url, init) => {
        if (String(init?.body).includes('RunSampledHistory') && init?.signal) signals.push(init.signal)
        return fetch(url, init)
      },
    })
    srv.setFaults({ operations: ['RunSampledHistory'], latencyMs: 10_000 })
    try {
      const live = record(client.runs(`${srv.entity}/abort`).curves({ key: 'loss', live: true }))
      while (signals.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
      expect(signals[0]?.aborted).toBe(false)
      live.unsubscribe()
      expect(signals[0]?.aborted).toBe(true)
      expect(live.values).toEqual([])
    } finally {
      srv.setFaults(undefined)
    }
  })
})

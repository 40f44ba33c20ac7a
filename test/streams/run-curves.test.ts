import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { groupCurves } from '../../src/curves/group-curves.js'
import type { Run } from '../../src/codecs/run.js'
import type { HistoryRow } from '../../src/codecs/history-row-codec.js'
import { FilterCompileError } from '../../src/errors/filter-compile-error.js'
import { logRun } from '../support/local-run-writer.js'

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
    expect(client.stats().requests).toBe(0)
  })
})

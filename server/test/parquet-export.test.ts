import { parquetMetadata } from 'hyparquet'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { gqlOk, upsertRun, withServer } from './helpers.js'
import {
  download,
  historyOf,
  logRows,
  parquetHistoryOf,
  readThroughExports,
  rowsOfFile,
  waitFor,
} from './parquet-support.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer({ parquetExportRows: 50 })
})
afterAll(() => srv.close())

const rowsAt = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ _step: from + i, loss: 1 / (from + i + 1), _runtime: i * 0.5 }))

describe('Parquet history exports', () => {
  it('exports a run when it finishes: one file, no live rows, rows exact', async () => {
    await upsertRun(srv, { name: 'fin', project: 'pq' })
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      _step: i,
      loss: i === 7 ? NaN : i === 8 ? Infinity : i / 3,
      phase: i % 2 ? 'train' : 'eval',
      ok: i % 3 === 0,
      train: { lr: 0.1, sched: { warm: i < 100 } },
      ...(i % 10 === 0 ? { sparse: i } : {}),
      mixed: i % 4 === 0 ? 'text' : i,
      arr: [i, { x: null }],
    }))
    await logRows(srv, 'local/pq/fin', 0, rows.slice(0, 40))
    expect(await parquetHistoryOf(srv, 'pq', 'fin')).toEqual({
      parquetUrls: [],
      liveData: Array.from({ length: 40 }, (_, i) => ({ _step: i })),
    })
    await logRows(srv, 'local/pq/fin', 40, rows.slice(40), true)
    const done = await waitFor(
      () => parquetHistoryOf(srv, 'pq', 'fin'),
      (p) => p.liveData.length === 0,
    )
    expect(done.parquetUrls).toHaveLength(1)
    const bytes = await download(done.parquetUrls[0]!)
    expect(await rowsOfFile(bytes)).toEqual(await historyOf(srv, 'pq', 'fin'))
    const meta = parquetMetadata(bytes)
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([1000, 1000, 500])
    expect(meta.row_groups.map((g) => g.columns[0]?.meta_data?.statistics?.min_value)).toEqual([
      0n,
      1000n,
      2000n,
    ])
    expect(meta.row_groups[0]?.columns[0]?.meta_data?.codec).toBe('SNAPPY')
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]))
    expect(kv['wandb-rx:format']).toBe('1')
    expect(JSON.parse(kv['wandb-rx:json-columns']!)).toEqual(['arr', 'mixed'])
    const names = meta.schema.map((s) => `${s.name}:${s.type ?? 'group'}`)
    expect(names).toEqual([
      'root:group',
      '_step:INT64',
      'arr:BYTE_ARRAY',
      'loss:DOUBLE',
      'mixed:BYTE_ARRAY',
      'ok:BOOLEAN',
      'phase:BYTE_ARRAY',
      'sparse:DOUBLE',
      'train:group',
      'lr:DOUBLE',
      'sched:group',
      'warm:BOOLEAN',
    ])
  })

  it('serves files by signed URL: HEAD, Range (206/416), ETag, no key, 403 when expired or forged', async () => {
    const { parquetUrls } = await parquetHistoryOf(srv, 'pq', 'fin')
    const url = parquetUrls[0]!
    expect(new URL(url).pathname).toMatch(/^\/history-exports\/\d+\/0-2499-[\w-]+\.parquet$/)
    const whole = Buffer.from(await download(url))
    const size = whole.length
    const head = await fetch(url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(size))
    expect(head.headers.get('accept-ranges')).toBe('bytes')
    const etag = head.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(await head.text()).toBe('')
    const ranged = async (range: string) => {
      const res = await fetch(url, { headers: { range } })
      return { res, body: Buffer.from(await res.arrayBuffer()) }
    }
    const mid = await ranged('bytes=4-99')
    expect(mid.res.status).toBe(206)
    expect(mid.res.headers.get('content-range')).toBe(`bytes 4-99/${size}`)
    expect(mid.res.headers.get('content-length')).toBe('96')
    expect(mid.res.headers.get('etag')).toBe(etag)
    expect(mid.body.equals(whole.subarray(4, 100))).toBe(true)
    const tail = await ranged('bytes=-8')
    expect(tail.res.status).toBe(206)
    expect(tail.body.equals(whole.subarray(size - 8))).toBe(true)
    expect(tail.body.subarray(4).toString()).toBe('PAR1')
    const open = await ranged(`bytes=${size - 3}-`)
    expect(open.res.headers.get('content-range')).toBe(`bytes ${size - 3}-${size - 1}/${size}`)
    expect(open.body.equals(whole.subarray(size - 3))).toBe(true)
    const past = await ranged(`bytes=${size}-`)
    expect(past.res.status).toBe(416)
    expect(past.res.headers.get('content-range')).toBe(`bytes */${size}`)
    // A fresh call signs afresh; the path stays.
    const again = (await parquetHistoryOf(srv, 'pq', 'fin')).parquetUrls[0]!
    expect(new URL(again).pathname).toBe(new URL(url).pathname)
    const forged = new URL(url)
    forged.searchParams.set('exp', String(Number(forged.searchParams.get('exp')) + 10))
    expect((await fetch(forged)).status).toBe(403)
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(405)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 2 * 3600_000)
      expect((await fetch(url)).status).toBe(403)
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(403)
    } finally {
      vi.useRealTimers()
    }
  })

  it('exports a running run past the threshold up to an aligned step, then each new tail in a new file', async () => {
    await upsertRun(srv, { name: 'live', project: 'pq' })
    const steps = (p: { liveData: { _step: number }[] }) => p.liveData.map((d) => d._step)
    const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i)
    await logRows(srv, 'local/pq/live', 0, rowsAt(0, 30))
    await logRows(srv, 'local/pq/live', 30, rowsAt(30, 90))
    // 120 unexported rows >= 50: export up to the last multiple of 50 (step 100), the rest stays live.
    const first = await waitFor(
      () => parquetHistoryOf(srv, 'pq', 'live'),
      (p) => p.parquetUrls.length === 1,
    )
    expect(steps(first)).toEqual(range(100, 120))
    expect(await readThroughExports(srv, 'pq', 'live')).toEqual(await historyOf(srv, 'pq', 'live'))
    await logRows(srv, 'local/pq/live', 120, rowsAt(120, 40))
    const second = await waitFor(
      () => parquetHistoryOf(srv, 'pq', 'live'),
      (p) => p.parquetUrls.length === 2,
    )
    expect(steps(second)).toEqual(range(150, 160))
    expect(second.parquetUrls.slice(0, 1).map((u) => new URL(u).pathname)).toEqual(
      first.parquetUrls.map((u) => new URL(u).pathname),
    )
    // Finishing exports the rest; resuming logs a live tail that the next finish exports as a new file.
    await logRows(srv, 'local/pq/live', 160, [], true)
    await waitFor(
      () => parquetHistoryOf(srv, 'pq', 'live'),
      (p) => p.parquetUrls.length === 3 && p.liveData.length === 0,
    )
    await logRows(srv, 'local/pq/live', 160, rowsAt(160, 10))
    const resumed = await parquetHistoryOf(srv, 'pq', 'live')
    expect(resumed.parquetUrls).toHaveLength(3)
    expect(steps(resumed)).toEqual(range(160, 170))
    expect(await readThroughExports(srv, 'pq', 'live')).toEqual(await historyOf(srv, 'pq', 'live'))
    await logRows(srv, 'local/pq/live', 170, [], true)
    const ended = await waitFor(
      () => parquetHistoryOf(srv, 'pq', 'live'),
      (p) => p.parquetUrls.length === 4 && p.liveData.length === 0,
    )
    const files = await Promise.all(ended.parquetUrls.map(async (u) => rowsOfFile(await download(u))))
    expect(files.map((f) => [f[0]?._step, f.at(-1)?._step])).toEqual([
      [0, 99],
      [100, 149],
      [150, 159],
      [160, 169],
    ])
    const all = await readThroughExports(srv, 'pq', 'live')
    expect(all).toEqual(await historyOf(srv, 'pq', 'live'))
    expect(all).toHaveLength(170)
  })

  it('answers liveKeys other than _step with only the keys a row has, non-finite numbers as strings', async () => {
    await upsertRun(srv, { name: 'keys', project: 'pq' })
    await logRows(srv, 'local/pq/keys', 0, [
      { _step: 0, loss: NaN, acc: 1 },
      { _step: 1, loss: -Infinity },
      { _step: 2, acc: { nested: Infinity } },
    ])
    const data = await gqlOk(
      srv,
      '{ project(name: "pq") { run(name: "keys") { parquetHistory(liveKeys: ["_step", "loss", "acc"]) { liveData } } } }',
    )
    expect(data.project.run.parquetHistory.liveData).toEqual([
      { _step: 0, loss: 'NaN', acc: 1 },
      { _step: 1, loss: '-Infinity' },
      { _step: 2, acc: { nested: 'Infinity' } },
    ])
  })

  it('exports on a state mutation too; deleting the run deletes its files', async () => {
    const { id } = await upsertRun(srv, { name: 'mut', project: 'pq' })
    await logRows(srv, 'local/pq/mut', 0, rowsAt(0, 10))
    await gqlOk(
      srv,
      'mutation($id: ID!) { updateRunState(input: {id: $id, state: "crashed"}) { success } }',
      { id },
    )
    const done = await waitFor(
      () => parquetHistoryOf(srv, 'pq', 'mut'),
      (p) => p.liveData.length === 0,
    )
    expect(await readThroughExports(srv, 'pq', 'mut')).toEqual(await historyOf(srv, 'pq', 'mut'))
    await gqlOk(srv, 'mutation($id: ID!) { deleteRun(input: {id: $id}) { clientMutationId } }', { id })
    expect((await fetch(done.parquetUrls[0]!)).status).toBe(404)
  })
})

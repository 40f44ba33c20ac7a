import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { firstValueFrom, lastValueFrom, tap, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { ApiOptions } from '../../src/api/api-options.js'
import type { HistoryRow } from '../../src/codecs/history-row-codec.js'
import { fileHistoryCache } from '../../src/node/history-cache.js'
import type { ScanHistoryOptions } from '../../src/streams/scan-history.js'
import { logRun, makeRows, writerGraphql } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let cacheDir: string

/** One request the client sent: GraphQL operation name or file method, and what was answered. */
interface Sent {
  readonly operation: string
  readonly url: string
  readonly range: string | undefined
  readonly signal: AbortSignal | undefined
  status?: number
}

/**
 * An Api over the real server whose fetch records every request; `fault` may rewrite one
 * request or its answer, for what the local server cannot do (an older server, broken bytes).
 */
function client(
  fault?: (sent: Sent, send: () => Promise<Response>) => Promise<Response> | undefined,
  options: ApiOptions = {},
) {
  const sent: Sent[] = []
  const fetch = async (input: string, init?: RequestInit) => {
    const body =
      typeof init?.body === 'string' ? (JSON.parse(init.body) as { operationName?: string }) : undefined
    const headers = (init?.headers ?? {}) as Record<string, string>
    const entry: Sent = {
      operation: body?.operationName ?? init?.method ?? 'GET',
      url: input,
      range: headers['Range'],
      signal: init?.signal ?? undefined,
    }
    sent.push(entry)
    const send = () => globalThis.fetch(input, init)
    const response = (fault && (await fault(entry, send))) ?? (await send())
    entry.status = response.status
    return response
  }
  const api = new Api({
    baseUrl: srv.url,
    apiKey: srv.apiKey,
    fetch,
    retry: { minDelayMs: 5, maxDelayMs: 20 },
    // Ranged reads unless a test names a cache (Node's default cache is tested on its own below).
    historyCache: false,
    ...options,
  })
  const count = (operation: string) => sent.filter((s) => s.operation === operation).length
  return { api, sent, count }
}

const scan = (api: Api, run: string, options: ScanHistoryOptions = {}) =>
  lastValueFrom(api.run(`${srv.entity}/pq/${run}`).scanHistory(options).pipe(toArray()))
const graphqlRows = (run: string, options: ScanHistoryOptions = {}) =>
  scan(client().api, run, { ...options, source: 'graphql' })

/** The server exports in the background: wait until `parquetHistory` shows what we need. */
async function exportsOf(run: string, done: (p: { parquetUrls: string[]; liveData: unknown[] }) => boolean) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const data = (await writerGraphql(
      srv,
      `query P($e: String!, $r: String!) { project(name: "pq", entityName: $e) { run(name: $r) {
        parquetHistory(liveKeys: ["_step"]) { parquetUrls liveData } } } }`,
      { e: srv.entity, r: run },
    )) as { project: { run: { parquetHistory: { parquetUrls: string[]; liveData: unknown[] } } } }
    const found = data.project.run.parquetHistory
    if (done(found)) return found
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no export of ${run} in time`)
}

const steps = (rows: readonly HistoryRow[]) => rows.map((r) => r._step)

/** A finished run with every kind of value the exports carry. */
const odd = Array.from({ length: 2500 }, (_, i) => ({
  _step: i * 2, // steps skip, so windows and row groups do not line up
  _runtime: i / 4,
  _timestamp: 1_700_000_000 + i,
  loss: i === 7 ? NaN : i === 8 ? Infinity : i === 9 ? -Infinity : i / 3,
  phase: i % 2 ? 'train' : 'eval',
  ok: i % 3 === 0,
  train: { lr: 0.1, sched: { warm: i < 100 } },
  ...(i % 10 === 0 ? { sparse: i } : {}),
  mixed: i % 4 === 0 ? 'text' : i === 5 ? NaN : i,
  arr: [i, { x: null }],
}))

beforeAll(async () => {
  srv = await startServer({ port: 0, parquetExportRows: 1000 })
  cacheDir = await mkdtemp(join(tmpdir(), 'wandb-rx-pq-'))
  await logRun(srv, { project: 'pq', name: 'fin', rows: odd, chunk: 1000 })
  await exportsOf('fin', (p) => p.parquetUrls.length > 0 && p.liveData.length === 0)
  // A running run: exports end on a step multiple of 1000 (see the server's export plan), so
  // 2200 rows logged in two parts leave files of steps 0–999 and 1000–1999, and 2000–2199 live.
  const writer = await logRun(srv, { project: 'pq', name: 'live', rows: 1500, complete: false })
  await exportsOf('live', (p) => p.parquetUrls.length === 1 && p.liveData.length === 500)
  await writer.log(makeRows(700, undefined, 1500))
  await exportsOf('live', (p) => p.parquetUrls.length === 2 && p.liveData.length === 200)
})
afterAll(async () => {
  await srv.close()
  await rm(cacheDir, { recursive: true, force: true })
})

describe('scanHistory through Parquet exports (real server)', () => {
  it('reads a finished run from its export with no GraphQL history request, rows as GraphQL gives', async () => {
    const { api, count } = client()
    const rows = await scan(api, 'fin')
    expect(rows).toEqual(await graphqlRows('fin'))
    expect(steps(rows)).toEqual(odd.map((r) => r._step))
    expect(rows[7]?.['loss']).toBeNaN()
    expect(rows[4]).toEqual(odd[4])
    expect(count('RunHistory') + count('RunSampledHistory') + count('RunHistoryKeys')).toBe(0)
    expect(count('RunParquetHistory')).toBe(1)
    const stats = api.stats()
    expect(stats.historySources).toEqual({ parquet: 1, graphql: 0 })
    expect(stats.parquetBytes).toBeGreaterThan(0)
  })

  it('with keys and a step range, reads ranges and gives the GraphQL rows', async () => {
    for (const options of [
      { keys: ['loss', 'sparse'] },
      { keys: ['train'], minStep: 1999, maxStep: 3001 },
      { minStep: 11, maxStep: 4000 },
      { keys: ['nope'] },
      { keys: ['train.lr'] },
    ]) {
      const { api, count } = client()
      expect(await scan(api, 'fin', options)).toEqual(await graphqlRows('fin', options))
      expect(count('RunSampledHistory') + count('RunHistory')).toBe(0)
    }
    // These files are small: every hole between the wanted columns is under 128 KiB and read
    // through (see parquet-prefetch), so a keyed scan reads ranges, never more than a full scan.
    const full = client()
    await scan(full.api, 'fin')
    const keyed = client()
    await scan(keyed.api, 'fin', { keys: ['ok'] })
    expect(keyed.api.stats().parquetBytes).toBeLessThanOrEqual(full.api.stats().parquetBytes)
    expect(keyed.sent.filter((s) => s.operation === 'GET').every((s) => s.range !== undefined)).toBe(true)
  })

  it('reads a running run as its export plus the live tail, exactly', async () => {
    const { api, count } = client()
    const rows = await scan(api, 'live', { pageSize: 150 })
    expect(steps(rows)).toEqual(Array.from({ length: 2200 }, (_, i) => i))
    expect(rows).toEqual(await graphqlRows('live'))
    expect(count('RunHistory')).toBe(2) // live steps 2000–2149 and 2150–2199
    const keyed = client()
    const windowed = { keys: ['acc'], minStep: 1900, maxStep: 2100 }
    expect(await scan(keyed.api, 'live', windowed)).toEqual(await graphqlRows('live', windowed))
    expect(keyed.count('RunSampledHistory')).toBe(1)
  })

  it('falls back to GraphQL windows on a server without parquetHistory, asking it once per Api', async () => {
    const older = client((sent) =>
      sent.operation === 'RunParquetHistory'
        ? Promise.resolve(
            Response.json(
              { errors: [{ message: 'Cannot query field "parquetHistory" on type "Run".' }] },
              { status: 400 },
            ),
          )
        : undefined,
    )
    expect(await scan(older.api, 'fin')).toEqual(await graphqlRows('fin'))
    expect(await scan(older.api, 'live', { keys: ['acc'] })).toEqual(
      await graphqlRows('live', { keys: ['acc'] }),
    )
    expect(older.count('RunParquetHistory')).toBe(1)
    expect(older.api.stats().historySources).toEqual({ parquet: 0, graphql: 2 })
    await expect(scan(older.api, 'fin', { source: 'parquet' })).rejects.toMatchObject({
      name: 'ParquetHistoryError',
      reason: 'unsupported',
    })
  })

  it('keeps whole files in the history cache and reads them from there the next time', async () => {
    const options = { historyCache: fileHistoryCache({ dir: cacheDir }) }
    const first = client(undefined, options)
    expect(await scan(first.api, 'fin')).toEqual(await graphqlRows('fin'))
    const gets = first.sent.filter((s) => s.operation === 'GET')
    expect(gets.length).toBe(first.count('HEAD'))
    expect(gets.every((s) => s.range === undefined)).toBe(true)
    const second = client(undefined, options)
    expect(await scan(second.api, 'fin')).toEqual(await graphqlRows('fin'))
    expect(second.count('GET')).toBe(0)
    expect(second.api.stats().parquetCacheHits).toBe(first.count('HEAD'))
  })

  it('caches whole files by default in Node, under $WANDB_CACHE_DIR', async () => {
    const previous = process.env['WANDB_CACHE_DIR']
    process.env['WANDB_CACHE_DIR'] = join(cacheDir, 'default')
    try {
      const first = client(undefined, { historyCache: undefined })
      expect(await scan(first.api, 'fin')).toEqual(await graphqlRows('fin'))
      expect(first.sent.filter((s) => s.operation === 'GET').every((s) => s.range === undefined)).toBe(true)
      const second = client(undefined, { historyCache: undefined })
      expect(await scan(second.api, 'fin')).toEqual(await graphqlRows('fin'))
      expect(second.count('GET')).toBe(0)
      expect(second.api.stats().parquetCacheHits).toBeGreaterThan(0)
      expect(await readdir(join(cacheDir, 'default', 'wandb-rx', 'runhistory'))).toHaveLength(
        first.count('HEAD'),
      )
    } finally {
      if (previous === undefined) delete process.env['WANDB_CACHE_DIR']
      else process.env['WANDB_CACHE_DIR'] = previous
    }
  })
})

describe('scanHistory through Parquet exports: faults', () => {
  it('asks for fresh signed URLs after a 403 and reads the right rows', async () => {
    let refused = 0
    const { api, count } = client((sent) =>
      sent.operation === 'GET' && refused++ < 2
        ? Promise.resolve(new Response('expired', { status: 403 }))
        : undefined,
    )
    expect(await scan(api, 'fin', { keys: ['loss'] })).toEqual(await graphqlRows('fin', { keys: ['loss'] }))
    // The first ask, then one renewal per wave of 403s (concurrent refusals share one).
    expect(count('RunParquetHistory')).toBeGreaterThanOrEqual(2)
  })

  it('gives ParquetHistoryError("expired") when fresh URLs are refused too, and no rows', async () => {
    const { api } = client((sent) =>
      sent.operation === 'HEAD' ? Promise.resolve(new Response(null, { status: 403 })) : undefined,
    )
    await expect(scan(api, 'fin')).rejects.toMatchObject({ name: 'ParquetHistoryError', reason: 'expired' })
  })

  it('reads right when ranges are answered with the whole file (200)', async () => {
    const { api, sent } = client((entry, send) => (entry.range ? send().then(stripRange) : undefined))
    expect(await scan(api, 'fin', { keys: ['phase'] })).toEqual(await graphqlRows('fin', { keys: ['phase'] }))
    expect(sent.some((s) => s.range !== undefined && s.status === 200)).toBe(true)
  })

  it('turns a truncated or corrupt file into a typed error, never rows', async () => {
    const truncate = client((entry, send) =>
      entry.operation === 'GET'
        ? send().then((r) => rewrite(r, (b) => b.slice(0, b.length - 100)))
        : undefined,
    )
    await expect(scan(truncate.api, 'fin', { keys: ['loss'] })).rejects.toMatchObject({
      name: 'ParquetHistoryError',
    })
    const corrupt = client((entry, send) =>
      entry.operation === 'GET' ? send().then((r) => rewrite(r, (b) => b.map((x) => x ^ 0x5a))) : undefined,
    )
    const emitted: HistoryRow[] = []
    const rows = corrupt.api.run(`${srv.entity}/pq/fin`).scanHistory()
    await expect(
      lastValueFrom(
        rows.pipe(
          tap((row) => emitted.push(row)),
          toArray(),
        ),
      ),
    ).rejects.toMatchObject({
      name: 'ParquetHistoryError',
      reason: 'corrupt',
    })
    expect(emitted).toEqual([])
  })

  it('aborts file requests when the subscriber leaves', async () => {
    const { api, sent } = client()
    const first = await firstValueFrom(
      api.run(`${srv.entity}/pq/fin`).scanHistory({ keys: ['loss'], concurrency: 4 }),
    )
    expect(first._step).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const files = sent.filter((s) => s.operation === 'GET')
    expect(files.length).toBeGreaterThan(0)
    expect(files.filter((s) => s.status === undefined).every((s) => s.signal?.aborted)).toBe(true)
  })
})

/** A 200 with the whole file, as a server that ignores `Range` answers. */
async function stripRange(response: Response): Promise<Response> {
  if (response.status !== 206) return response
  const url = new URL(response.url)
  return globalThis.fetch(url)
}

async function rewrite(response: Response, change: (bytes: Uint8Array) => Uint8Array): Promise<Response> {
  const bytes = change(new Uint8Array(await response.arrayBuffer()))
  const headers = new Headers(response.headers)
  headers.set('content-length', String(bytes.length))
  return new Response(bytes.buffer as ArrayBuffer, { status: response.status, headers })
}

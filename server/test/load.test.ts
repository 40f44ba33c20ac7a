import { firstValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Api, NotFoundError } from 'wandb-rx'
import type { RunningServer } from '../src/index.js'
import { fileStream, gqlOk, withServer } from './helpers.js'

const WRITERS = 64
const ROWS = 3000
const CHUNK = 100 // rows per file_stream request, as wandb-core batches them
const READERS = 4

const row = (run: number, step: number) =>
  JSON.stringify({ _step: step, loss: 1 / (step + 1), run, acc: { top1: step / ROWS } })

/**
 * Many writers and readers at once on the single-threaded server (loopback, bounded sizes):
 * 64 runs × 3,000 rows over file_stream (1,920 requests) while wandb-rx `scanHistory` readers
 * page through runs that are still being written.
 */
describe('load: concurrent file_stream writers and scanHistory readers', () => {
  let srv: RunningServer
  beforeAll(async () => {
    srv = await withServer()
  })
  afterAll(() => srv.close())

  it('stores every row of every writer, and each concurrent scan reads a consistent prefix', async () => {
    const api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey })
    const started = performance.now()
    let writing = true
    const statuses: number[] = []
    const writer = async (w: number) => {
      for (let offset = 0; offset < ROWS; offset += CHUNK) {
        const content = Array.from({ length: CHUNK }, (_, i) => row(w, offset + i))
        const res = await fileStream(srv, `local/load/w${w}`, {
          files: { 'wandb-history.jsonl': { offset, content } },
        })
        statuses.push(res.status)
      }
    }
    const scans: number[] = []
    const reader = async (r: number) => {
      for (let round = 0; writing || round === 0; round++) {
        const path = `local/load/w${(r * 16 + round) % WRITERS}`
        const rows = await firstValueFrom(api.run(path).scanHistory({ pageSize: 500 }).pipe(toArray())).catch(
          (error: unknown) => (error instanceof NotFoundError ? [] : Promise.reject(error)), // not created yet
        )
        // A scan may overlap writes, but what it reads is a gap-free prefix, in step order.
        expect(rows.map((x) => x._step)).toEqual(rows.map((_, i) => i))
        scans.push(rows.length)
      }
    }
    const readers = Array.from({ length: READERS }, (_, r) => reader(r))
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))
    writing = false
    await Promise.all(readers)
    const seconds = (performance.now() - started) / 1000

    expect(statuses).toHaveLength((WRITERS * ROWS) / CHUNK)
    expect(statuses.every((s) => s === 200)).toBe(true)
    const data = await gqlOk(
      srv,
      '{ project(name: "load") { runs(first: 100) { edges { node { name historyLineCount } } } } }',
    )
    const counts = data.project.runs.edges.map((e: any) => e.node.historyLineCount)
    expect(counts).toEqual(Array.from({ length: WRITERS }, () => ROWS))
    const whole = await firstValueFrom(api.run('local/load/w63').scanHistory().pipe(toArray()))
    expect(whole.map((x) => JSON.stringify(x))).toEqual(Array.from({ length: ROWS }, (_, i) => row(63, i)))
    expect(scans.length).toBeGreaterThanOrEqual(READERS)
    console.log(
      `load: ${statuses.length} file_stream requests (${WRITERS * ROWS} rows) and ${scans.length} scans ` +
        `(${scans.reduce((a, b) => a + b, 0)} rows read) in ${seconds.toFixed(1)} s`,
    )
  }, 300_000) // minutes only on a machine loaded many times over; ~2 s of writes when quiet
})

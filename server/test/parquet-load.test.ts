import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCliProcess } from './cli-process.js'
import { upsertRun } from './helpers.js'
import { historyOf, logRows, parquetHistoryOf, readThroughExports, waitFor } from './parquet-support.js'

// Bounded load on loopback: 64 writers x 12 requests x 40 rows, 4 readers, one big export.
const WRITERS = 64
const REQUESTS = 12
const ROWS = 40
const READERS = 4

// The server runs as its own process (file database), so the clients do not share its CPU.
const KEY = 'local-loadtestkeyloadtestkeyloadtestkeyloa'
const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-load-'))
const children: ChildProcess[] = []
let srv: { url: string; apiKey: string }
beforeAll(async () => {
  const cli = await startCliProcess(children, [
    ...['--db', join(dir, 'load.sqlite'), '--api-key', KEY, '--parquet-export-rows', '150'],
    ...['--log-level', 'silent'],
  ])
  srv = { url: cli.url, apiKey: KEY }
})
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? 0
const row = (step: number) => ({ _step: step, loss: 1 / (step + 1), acc: { top1: step % 7, top5: step % 3 } })

describe('exports under load', () => {
  it('64 writers, concurrent readers and a running export: no row lost or repeated', async () => {
    await upsertRun(srv, { name: 'big', project: 'load' })
    for (let at = 0; at < 40_000; at += 10_000) {
      await logRows(
        srv,
        'local/load/big',
        at,
        Array.from({ length: 10_000 }, (_, i) => row(at + i)),
        at === 30_000,
      )
    }
    const names = Array.from({ length: WRITERS }, (_, i) => `w${i}`)
    await Promise.all(names.map((name) => upsertRun(srv, { name, project: 'load' })))
    const writeMs: number[] = []
    const readMs: number[] = []
    let writing = true
    const writers = names.map(async (name) => {
      for (let r = 0; r < REQUESTS; r++) {
        const t = performance.now()
        const rows = Array.from({ length: ROWS }, (_, i) => row(r * ROWS + i))
        await logRows(srv, `local/load/${name}`, r * ROWS, rows, r === REQUESTS - 1)
        writeMs.push(performance.now() - t)
      }
    })
    const checks: string[] = []
    const readers = Array.from({ length: READERS }, async (_, k) => {
      for (let i = 0; writing; i++) {
        const name = names[(k * 17 + i * 5) % WRITERS]!
        const t = performance.now()
        const seen = await readThroughExports(srv, 'load', name)
        readMs.push(performance.now() - t)
        // Rows only get appended, so what was read must be a prefix of the history read after it.
        const later = await historyOf(srv, 'load', name)
        if (JSON.stringify(later.slice(0, seen.length)) !== JSON.stringify(seen)) checks.push(name)
      }
    })
    const started = performance.now()
    await Promise.all(writers)
    writing = false
    await Promise.all(readers)
    const elapsed = performance.now() - started
    expect(checks).toEqual([])
    let files = 0
    for (const name of [...names, 'big']) {
      const done = await waitFor(
        () => parquetHistoryOf(srv, 'load', name),
        (p) => p.liveData.length === 0,
        60_000,
      )
      files += done.parquetUrls.length
      const history = await historyOf(srv, 'load', name)
      expect(history).toHaveLength(name === 'big' ? 40_000 : REQUESTS * ROWS)
      expect(await readThroughExports(srv, 'load', name)).toEqual(history)
    }
    console.log(
      `load: ${WRITERS} writers x ${REQUESTS} file_stream requests of ${ROWS} rows in ${elapsed.toFixed(0)} ms; ` +
        `file_stream p50 ${quantile(writeMs, 0.5).toFixed(1)} ms, p99 ${quantile(writeMs, 0.99).toFixed(1)} ms; ` +
        `${readMs.length} reads through exports, p50 ${quantile(readMs, 0.5).toFixed(1)} ms, p99 ${quantile(readMs, 0.99).toFixed(1)} ms; ` +
        `${files} files`,
    )
  }, 240_000)
})

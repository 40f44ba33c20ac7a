import Database from 'better-sqlite3'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startCliProcess } from './cli-process.js'
import { upsertRun } from './helpers.js'
import { historyOf, logRows, parquetHistoryOf, readThroughExports, waitFor } from './parquet-support.js'

const KEY = 'local-crashtestkeycrashtestkeycrashtestkey1'
const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-crash-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})
const startCli = (db: string, exportRows = 1_000_000) =>
  startCliProcess(children, ['--db', db, '--api-key', KEY, '--parquet-export-rows', String(exportRows)])
const killed = async (cli: { child: ChildProcess }) => {
  const gone = new Promise((r) => cli.child.once('exit', r))
  cli.child.kill('SIGKILL')
  await gone
}

/** The export tables as stored: files, their page bytes, and pages no file owns. */
function stored(dbPath: string) {
  const db = new Database(dbPath, { readonly: true })
  try {
    return {
      files: db
        .prepare(
          `SELECT e.first_line, e.end_line, e.size_bytes, (SELECT sum(length(bytes)) FROM history_export_pages p
             WHERE p.export_id = e.id) AS paged FROM history_exports e ORDER BY e.first_line`,
        )
        .all(),
      orphanPages: db
        .prepare(
          'SELECT count(*) AS n FROM history_export_pages WHERE export_id NOT IN (SELECT id FROM history_exports)',
        )
        .get(),
    }
  } finally {
    db.close()
  }
}

describe('export across SIGKILL (CLI child process)', () => {
  it('leaves no partial file when killed mid-export, and the restart exports exactly the pending rows', async () => {
    const db = join(dir, 'crash.sqlite')
    const first = await startCli(db)
    const srv = { url: first.url, apiKey: KEY }
    await upsertRun(srv, { name: 'big', project: 'crash' })
    const N = 60_000
    for (let at = 0; at < N; at += 10_000) {
      const rows = Array.from({ length: 10_000 }, (_, i) => ({
        _step: at + i,
        loss: (at + i) % 1000 === 3 ? NaN : 1 / (at + i + 1),
        phase: i % 2 ? 'train' : 'eval',
        nested: { lr: 0.1, epoch: Math.floor((at + i) / 1000) },
      }))
      await logRows(srv, 'local/crash/big', at, rows, at + 10_000 === N)
    }
    // Exporting 60k rows takes seconds (in steps between requests): kill it once it has begun.
    await first.logged(/history export: run \d+ lines 0\.\.59999 started/)
    // Killed as soon as it starts: waiting longer lets a quiet machine finish the export first.
    await killed(first)
    expect(first.log.filter((l) => l.includes('stored'))).toEqual([])
    expect(stored(db)).toEqual({ files: [], orphanPages: { n: 0 } })

    const second = await startCli(db)
    const srv2 = { url: second.url, apiKey: KEY }
    // Before the redone export commits every row is live; after, one file holds them all.
    const before = await parquetHistoryOf(srv2, 'crash', 'big')
    expect(before.liveData.length + before.parquetUrls.length * N).toBe(N)
    await second.logged(/history export: run \d+ lines 0\.\.59999 stored/)
    const after = await waitFor(
      () => parquetHistoryOf(srv2, 'crash', 'big'),
      (p) => p.liveData.length === 0,
    )
    expect(after.parquetUrls).toHaveLength(1)
    const history = await historyOf(srv2, 'crash', 'big')
    expect(history).toHaveLength(N)
    expect(await readThroughExports(srv2, 'crash', 'big')).toEqual(history)
    const files = stored(db)
    expect(files.orphanPages).toEqual({ n: 0 })
    expect(files.files).toEqual([
      { first_line: 0, end_line: N, size_bytes: expect.any(Number), paged: expect.any(Number) },
    ])
    const [file] = files.files as { size_bytes: number; paged: number }[]
    expect(file!.paged).toBe(file!.size_bytes)
  }, 180_000)

  it('keeps the live boundary exact when the export of a running run is killed, and after the restart', async () => {
    const db = join(dir, 'running.sqlite')
    const first = await startCli(db, 20_000)
    const srv = { url: first.url, apiKey: KEY }
    await upsertRun(srv, { name: 'live', project: 'crash' })
    // Wide rows, so the export takes long enough (hundreds of ms for 3 keys) to be killed in it.
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        _step: from + i,
        loss: 1 / (from + i + 1),
        tag: 'x',
        ...Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`m${k}`, (from + i) * (k + 1)])),
      }))
    await logRows(srv, 'local/crash/live', 0, rows(0, 50_000))
    // 50k unexported rows of a running run: export up to step 49000 and kill that export.
    await first.logged(/history export: run \d+ lines 0\.\.48999 started/)
    // Killed as soon as it starts: waiting longer lets a quiet machine finish the export first.
    await killed(first)
    expect(first.log.filter((l) => l.includes('stored'))).toEqual([])
    expect(stored(db).files).toEqual([])

    const second = await startCli(db, 20_000)
    const srv2 = { url: second.url, apiKey: KEY }
    const redone = await waitFor(
      () => parquetHistoryOf(srv2, 'crash', 'live'),
      (p) => p.parquetUrls.length === 1,
    )
    expect(redone.liveData.map((d) => d._step)).toEqual(Array.from({ length: 1000 }, (_, i) => 49_000 + i))
    await logRows(srv2, 'local/crash/live', 50_000, rows(50_000, 1000))
    expect(await readThroughExports(srv2, 'crash', 'live')).toEqual(await historyOf(srv2, 'crash', 'live'))
    await logRows(srv2, 'local/crash/live', 51_000, [], true)
    const ended = await waitFor(
      () => parquetHistoryOf(srv2, 'crash', 'live'),
      (p) => p.liveData.length === 0,
    )
    expect(ended.parquetUrls).toHaveLength(2)
    const history = await historyOf(srv2, 'crash', 'live')
    expect(history).toHaveLength(51_000)
    expect(await readThroughExports(srv2, 'crash', 'live')).toEqual(history)
    expect(stored(db).files).toEqual([
      { first_line: 0, end_line: 49_000, size_bytes: expect.any(Number), paged: expect.any(Number) },
      { first_line: 49_000, end_line: 51_000, size_bytes: expect.any(Number), paged: expect.any(Number) },
    ])
  }, 180_000)
})

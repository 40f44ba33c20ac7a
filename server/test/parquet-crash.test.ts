import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { upsertRun } from './helpers.js'
import { historyOf, logRows, parquetHistoryOf, readThroughExports, waitFor } from './parquet-support.js'

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const KEY = 'local-crashtestkeycrashtestkeycrashtestkey1'
const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-crash-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

interface Cli {
  readonly child: ChildProcess
  readonly url: string
  /** Resolves when a stderr line matches. */
  logged(pattern: RegExp): Promise<string>
  readonly log: string[]
}

/** Starts the CLI (info log on stderr) and resolves with its URL. */
function startCli(dbPath: string): Promise<Cli> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      '--db',
      dbPath,
      '--port',
      '0',
      '--api-key',
      KEY,
      '--parquet-export-rows',
      '1000000',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  children.push(child)
  const log: string[] = []
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = []
  let partial = ''
  child.stderr?.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      log.push(line)
      for (const w of waiters.filter((w) => w.pattern.test(line))) w.resolve(line)
    }
  })
  const logged = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = log.find((l) => pattern.test(l))
      if (seen) resolve(seen)
      else waiters.push({ pattern, resolve })
    })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) resolve({ child, url: line.trim(), logged, log })
    })
    child.once('exit', (code) => reject(new Error(`CLI exited (${code}): ${log.join('\n')}`)))
  })
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
    // Exporting 60k rows takes seconds (in steps between requests): kill it in the middle.
    await first.logged(/history export: run \d+ lines 0\.\.59999 started/)
    await new Promise((r) => setTimeout(r, 300))
    const gone = new Promise((r) => first.child.once('exit', r))
    first.child.kill('SIGKILL')
    await gone
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
})

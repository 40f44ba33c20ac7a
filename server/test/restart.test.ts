import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { fileStream, gqlOk, upsertRun } from './helpers.js'

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const KEY = 'local-restarttestkeyrestarttestkeyrestartte'
const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-server-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** Starts the CLI on a random port and resolves with its URL (the first stdout line). */
function startCli(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--db', dbPath, '--port', '0', '--api-key', KEY, '--log-level', 'silent'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) resolve({ child, url: line.trim() })
    })
    child.once('exit', (code) => reject(new Error(`CLI exited (${code}) before printing its URL: ${err}`)))
  })
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

describe('durability across restarts (CLI child process)', () => {
  it('keeps every acknowledged file_stream row after SIGKILL', async () => {
    const db = join(dir, 'kill.sqlite')
    const first = await startCli(db)
    const srv = { url: first.url, apiKey: KEY }
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await upsertRun(srv, { name: 'durable', project: 'restart', config: JSON.stringify({ lr: 0.1 }) })
    let acknowledged = 0
    for (let chunk = 0; chunk < 10; chunk++) {
      const content = Array.from({ length: 25 }, (_, i) => JSON.stringify({ _step: chunk * 25 + i, loss: i }))
      const res = await fileStream(srv, 'local/restart/durable', {
        files: {
          'wandb-history.jsonl': { offset: chunk * 25, content },
          'wandb-summary.json': { offset: 0, content: [JSON.stringify({ chunk })] },
        },
      })
      expect(res.status).toBe(200)
      acknowledged += 25
    }
    const gone = exited(first.child)
    first.child.kill('SIGKILL')
    await gone

    const second = await startCli(db)
    const srv2 = { url: second.url, apiKey: KEY }
    const data = await gqlOk(
      srv2,
      '{ project(name: "restart") { run(name: "durable") { historyLineCount history(samples: 1000) summaryMetrics config historyKeys } } }',
    )
    const run = data.project.run
    expect(run.historyLineCount).toBe(acknowledged)
    expect(run.history.map((l: string) => JSON.parse(l)._step)).toEqual(
      Array.from({ length: acknowledged }, (_, i) => i),
    )
    expect(JSON.parse(run.summaryMetrics)).toEqual({ chunk: 9 })
    expect(run.historyKeys.lastStep).toBe(acknowledged - 1)
    // A resent chunk after the restart is still idempotent, and the next one appends.
    await fileStream(srv2, 'local/restart/durable', {
      files: {
        'wandb-history.jsonl': {
          offset: 225,
          content: Array.from({ length: 26 }, (_, i) => JSON.stringify({ _step: 225 + i })),
        },
      },
    })
    const after = await gqlOk(
      srv2,
      '{ project(name: "restart") { run(name: "durable") { historyLineCount } } }',
    )
    expect(after.project.run.historyLineCount).toBe(acknowledged + 1)

    // SIGTERM stops it cleanly.
    const done = exited(second.child)
    second.child.kill('SIGTERM')
    expect(await done).toBe(0)
  }, 30_000)
})

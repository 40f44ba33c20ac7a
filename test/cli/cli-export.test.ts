import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from 'wandb-rx-server'
import type { ExportManifest } from '../../src/cli/export/export-manifest.js'
import { logRun, makeRows } from '../support/local-run-writer.js'
import { FILES_OF_B, startFixture } from './cli-fixture.js'
import { finished, runCliProcess, startCli } from './cli-process.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
let dir: string
beforeAll(async () => {
  fixture = await startFixture()
  dir = mkdtempSync(join(tmpdir(), 'wandb-rx-export-'))
})
afterAll(async () => {
  await fixture.server.close()
  rmSync(dir, { recursive: true, force: true })
})

const manifestOf = (out: string) =>
  JSON.parse(readFileSync(join(out, 'wandb-rx-export.json'), 'utf8')) as ExportManifest
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('wandb-rx export', () => {
  it('writes the runs table and every history, identical to `history`, and a re-run has nothing to do', async () => {
    const out = join(dir, 'full')
    const args = [...fixture.base, 'export', fixture.project, '--out', out, '--history']
    const first = await runCliProcess(args, fixture.env)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain('exported 3 runs (370 history rows)')
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').split('\n')[0]).toMatch(
      /^id,name,state,createdAt,config\.lr/,
    )
    const single = await runCliProcess([...fixture.base, 'history', `${fixture.project}/r-a`], fixture.env)
    expect(readFileSync(join(out, 'history', 'r-a.csv'), 'utf8')).toBe(single.stdout)
    const manifest = manifestOf(out)
    expect(Object.values(manifest.runs).map((r) => r.history?.status)).toEqual([
      'complete',
      'complete',
      'complete',
    ])
    expect(existsSync(join(out, 'history', 'r-a.jsonl.partial'))).toBe(false)
    const again = await runCliProcess(args, fixture.env)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toContain('0 to export, 3 already complete')
  }, 120_000)

  it('writes Parquet that reads back row by row', async () => {
    const out = join(dir, 'parquet')
    const result = await runCliProcess(
      [
        ...fixture.base,
        'export',
        fixture.project,
        '--out',
        out,
        '--history',
        '--format',
        'parquet',
        '--where',
        '{"state":"failed"}',
      ],
      fixture.env,
    )
    expect(result.code, result.stderr).toBe(0)
    const rows = await parquetReadObjects({
      file: await asyncBufferFromFile(join(out, 'history', 'r-c.parquet')),
    })
    expect(rows).toEqual(makeRows(20).map((row) => ({ ...row })))
    const runs = await parquetReadObjects({ file: await asyncBufferFromFile(join(out, 'runs.parquet')) })
    expect(runs.map((r) => [r['id'], r['state']])).toEqual([['r-c', 'failed']])
  }, 120_000)

  it('downloads every run file with --files, and a re-run downloads nothing again', async () => {
    const out = join(dir, 'files')
    const args = [...fixture.base, 'export', fixture.project, '--out', out, '--files', '--format', 'jsonl']
    const first = await runCliProcess(args, fixture.env)
    expect(first.code, first.stderr).toBe(0)
    for (const [name, content] of Object.entries(FILES_OF_B))
      expect(readFileSync(join(out, 'files', 'r-b', name), 'utf8')).toBe(content)
    expect(manifestOf(out).runs[`${fixture.project}/r-b`]?.files).toEqual({ status: 'complete', count: 2 })
    expect(existsSync(join(out, 'runs.jsonl'))).toBe(true)
    const again = await runCliProcess(args, fixture.env)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toContain('0 to export, 3 already complete')
  }, 120_000)

  it('resumes after a kill: finished runs are skipped, the partial one continues, and the result matches a clean export', async () => {
    const server = await startServer({ port: 0, seed: false })
    try {
      for (const name of ['big-1', 'big-2'])
        await logRun(server, { project: 'big', name, rows: 6000, chunk: 2000 })
      const env = { WANDB_API_KEY: server.apiKey }
      const out = join(dir, 'resumed')
      const args = [
        '--base-url',
        server.url,
        'export',
        'local/big',
        '--out',
        out,
        '--history',
        '--concurrency',
        '1',
        '--page-size',
        '100',
      ]
      server.setFaults({ paths: ['/graphql'], latencyMs: 25 })
      const child = startCli(args, env)
      const killed = finished(child)
      // Kill once the first run is complete and the second is checkpointed part-way.
      for (;;) {
        await sleep(50)
        const runs = existsSync(join(out, 'wandb-rx-export.json')) ? Object.values(manifestOf(out).runs) : []
        const complete = runs.filter((r) => r.history?.status === 'complete').length
        expect(complete, 'the export finished before it could be killed').toBeLessThan(2)
        if (complete === 1 && runs.some((r) => r.history?.status === 'partial' && r.history.rows >= 500))
          break
      }
      child.kill('SIGKILL')
      await killed
      const before = manifestOf(out)
      const partial = Object.values(before.runs).find((r) => r.history?.status === 'partial')
      expect(partial?.history?.nextStep).toBeGreaterThan(0)
      expect(before.completedAt).toBeNull()

      server.setFaults(undefined)
      const resumed = await runCliProcess(args, env)
      expect(resumed.code, resumed.stderr).toBe(0)
      expect(resumed.stderr).toContain('1 to export, 1 already complete')
      const after = manifestOf(out)
      expect(Object.values(after.runs).map((r) => [r.history?.status, r.history?.rows])).toEqual([
        ['complete', 6000],
        ['complete', 6000],
      ])
      const clean = join(dir, 'clean')
      expect(
        (
          await runCliProcess(
            ['--base-url', server.url, 'export', 'local/big', '--out', clean, '--history'],
            env,
          )
        ).code,
      ).toBe(0)
      for (const name of ['big-1', 'big-2'])
        expect(readFileSync(join(out, 'history', `${name}.csv`), 'utf8')).toBe(
          readFileSync(join(clean, 'history', `${name}.csv`), 'utf8'),
        )
    } finally {
      await server.close()
    }
  }, 180_000)
})

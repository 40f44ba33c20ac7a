/**
 * README.md's "From Python `wandb.Api`" table, row by row against the local server: every row's
 * TypeScript cell is exercised here, and a row without a test (or a test without a row) fails.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
import { firstValueFrom, lastValueFrom, take, toArray, type Observable } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logArtifact, startServer } from '../server/src/index.js'
import { Api } from '../src/api/api.js'
import { runCli } from '../src/cli/run-cli.js'
import { parquetSink } from '../src/exports/parquet-sink.js'
import { writeRows } from '../src/exports/write-rows.js'
import { logRun, writerGraphql } from './support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let api: Api
const all = <T>(source: Observable<T>) => lastValueFrom(source.pipe(toArray()))
const temp = () => mkdtempSync(join(tmpdir(), 'readme-table-'))

/** The table's rows: the Python cell of each, as written (backticks and all). */
function pythonCells(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const section = readme.split('## From Python `wandb.Api`')[1]!.split('\n## ')[0]!
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split(/(?<!\\)\|/)[1]!.trim())
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey })
  const rows = (loss: number) => Array.from({ length: 30 }, (_, i) => ({ _step: i, loss: loss + i, acc: i }))
  for (const [name, lr, loss] of [
    ['r1', 0.1, 0.5],
    ['r2', 0.2, 0.2],
  ] as const) {
    await logRun(srv, { project: 'tbl', name, rows: rows(lr * 10 - 1), config: { lr }, summary: { loss } })
  }
  await writerGraphql(
    srv,
    `mutation S($entity: String, $config: String) {
      upsertSweep(input: {name: "sw", entityName: $entity, projectName: "tbl", config: $config}) { sweep { id } } }`,
    { entity: srv.entity, config: 'method: grid\nmetric: {name: loss, goal: minimize}\n' },
  )
  for (const [name, loss] of [
    ['s1', 0.4],
    ['s2', 0.1],
  ] as const) {
    await writerGraphql(
      srv,
      `mutation R($name: String!, $entity: String, $summary: JSONString) {
        upsertBucket(input: {name: $name, entityName: $entity, modelName: "tbl", sweep: "sw",
          summaryMetrics: $summary, state: "finished"}) { bucket { id } } }`,
      { name, entity: srv.entity, summary: JSON.stringify({ loss }) },
    )
  }
  const dataset = { type: 'dataset', name: 'mnist', files: { 'train.csv': 'a,b\n1,2\n' } }
  await logArtifact(srv, { entity: srv.entity, project: 'tbl', ...dataset })
})
afterAll(() => srv.close())

const path = () => `${srv.entity}/tbl/r1`

const ROWS: Record<string, () => Promise<void>> = {
  '`api = wandb.Api()`': async () => {
    const saved = { url: process.env['WANDB_BASE_URL'], key: process.env['WANDB_API_KEY'] }
    process.env['WANDB_BASE_URL'] = srv.url
    process.env['WANDB_API_KEY'] = srv.apiKey
    try {
      const fromEnv = new Api()
      expect(fromEnv.baseUrl).toBe(srv.url)
      expect((await fromEnv.viewer()).username).toBe(srv.entity)
    } finally {
      for (const [name, value] of [
        ['WANDB_BASE_URL', saved.url],
        ['WANDB_API_KEY', saved.key],
      ] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  },
  '`api.runs(path, filters, order, per_page)`': async () => {
    const query = api
      .runs(`${srv.entity}/tbl`)
      .where({ 'config.lr': { $gt: 0 } })
      .orderBy('-summary.loss')
      .perPage(1)
    const streamed = await all(query.stream())
    expect(streamed.map((r) => r.id)).toEqual(['r1', 'r2'])
    expect((await query.toArray()).map((r) => r.id)).toEqual(['r1', 'r2'])
    const iterated: string[] = []
    for await (const run of query) iterated.push(run.id)
    expect(iterated).toEqual(['r1', 'r2'])
  },
  '`len(api.runs(path, filters))`': async () => {
    expect(
      await api
        .runs(`${srv.entity}/tbl`)
        .where({ 'config.lr': { $gte: 0.2 } })
        .count(),
    ).toBe(1)
  },
  '`api.run(path)`': async () => {
    const run = await api.run(path()).get()
    expect(Object.isFrozen(run)).toBe(true)
    expect(run.id).toBe('r1')
  },
  '`run.config`, `run.summary`, `run.name`, `run.id`': async () => {
    const run = await api.run(path()).get()
    expect(run.config['lr']).toBe(0.1) // unwrapped: not { value: 0.1 }
    expect(run.summary['loss']).toBe(0.5)
    expect(typeof run.name).toBe('string')
    expect(run.id).toBe('r1')
  },
  '`run.history(samples=500, keys=[...])`': async () => {
    const rows = await all(api.run(path()).history({ samples: 500, keys: ['loss'] }))
    expect(rows).toHaveLength(30)
    expect(Object.keys(rows[0]!).sort()).toEqual(['_step', 'loss'])
  },
  '`run.scan_history(keys, page_size, min_step, max_step)`': async () => {
    const rows = await all(
      api.run(path()).scanHistory({ keys: ['acc'], pageSize: 4, minStep: 5, maxStep: 15 }),
    )
    expect(rows.map((r) => r._step)).toEqual(Array.from({ length: 10 }, (_, i) => i + 5))
  },
  '`run.files()` / `run.file(name).download(root, replace)`': async () => {
    const handle = api.run(path())
    await handle.uploadFile(new TextEncoder().encode('{"ok":1}'), { name: 'eval.json' })
    expect((await all(handle.files())).map((f) => f.name)).toContain('eval.json')
    const root = temp()
    const file = await handle.file('eval.json')
    const saved = await file.download({ root })
    expect(readFileSync(saved.path, 'utf8')).toBe('{"ok":1}')
    await expect(file.download({ root })).rejects.toThrow(/exists/)
    expect((await file.download({ root, replace: true })).path).toBe(saved.path)
  },
  '`run.update()`, `run.summary.update({...})`': async () => {
    const handle = api.run(`${srv.entity}/tbl/r2`)
    expect((await handle.update({ notes: 'from the table' })).notes).toBe('from the table')
    await handle.summary.update({ best: 1 })
    expect((await handle.summary.get())['best']).toBe(1)
  },
  '`api.sweep(path).best_run()`': async () => {
    expect((await (await api.sweep(`${srv.entity}/tbl/sw`)).bestRun())?.id).toBe('s2')
  },
  '`api.artifact(name).download()` / `.verify()`': async () => {
    const artifact = await api.artifact(`${srv.entity}/tbl/mnist:latest`)
    const root = temp()
    expect((await artifact.download({ root })).downloaded).toEqual(['train.csv'])
    expect((await artifact.verify(root)).ok).toBe(true)
  },
  '`api.flush()`': async () => {
    const handle = api.run(`${srv.entity}/tbl/r1`)
    await handle.get()
    await writerGraphql(
      srv,
      `mutation U($entity: String) { upsertBucket(input: {name: "r1", entityName: $entity, modelName: "tbl", notes: "fresh"}) { bucket { id } } }`,
      { entity: srv.entity },
    )
    expect((await handle.get()).notes).not.toBe('fresh') // cached
    api.flush()
    expect((await handle.get()).notes).toBe('fresh')
  },
  '—': async () => {
    const query = api.runs(`${srv.entity}/tbl`).where({ 'summary.loss': { $lt: 0.3 } })
    expect(query.compile().explain()).toContain('summary_metrics.loss')
    expect(query.matches(await api.run(`${srv.entity}/tbl/r2`).get())).toBe(true)
    const events = await all(api.run(path()).watch({ intervalMs: 20 }))
    expect(events.at(-1)).toEqual({ type: 'end', state: 'finished' })
    const first = await firstValueFrom(query.live({ intervalMs: 20 }).pipe(take(1)))
    expect(first.type).toBe('snapshot')
  },
  '`pd.DataFrame(run.scan_history())`': async () => {
    const dir = temp()
    const out: string[] = []
    const io = {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => out.push(s) },
    }
    const args = ['--base-url', srv.url, '--api-key', srv.apiKey, 'history', path()]
    expect(
      await runCli([...args, '--format', 'parquet', '--out', join(dir, 'h.parquet')], io),
      out.join(''),
    ).toBe(0)
    const fromCli = await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, 'h.parquet')) })
    expect(fromCli).toHaveLength(30)
    await writeRows(api.run(path()).scanHistory(), parquetSink(join(dir, 'w.parquet')))
    const fromSink = await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, 'w.parquet')) })
    expect(fromSink.map((r) => Number(r['_step']))).toEqual(Array.from({ length: 30 }, (_, i) => i))
  },
}

describe('README: From Python wandb.Api', () => {
  it('has a test for every row and a row for every test', () => {
    expect(pythonCells()).toEqual(Object.keys(ROWS))
  })
  it.each(Object.keys(ROWS))('%s', async (cell) => ROWS[cell]!(), 60_000)
})

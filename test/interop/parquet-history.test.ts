import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExtendedJson, startServer, type RunningServer } from 'wandb-rx-server'
import { upsertRun } from '../../server/test/helpers.js'
import { historyOf, logRows, parquetHistoryOf, waitFor, type Row } from '../../server/test/parquet-support.js'
import { python, runPython, skipReason } from './support/python-wandb.js'
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy.js'

if (!python) console.log(skipReason)

// wandb-core returns every column of a Parquet file in every row, None where the row did not log
// the key; `history` rows hold only the logged keys. The script drops the Nones to compare.
// Windows: wandb-core 0.30 reads a page that straddles a running run's export boundary from the
// files AND from \`history(minStep: page start)\`, repeating the exported part (a client bug); the
// server ends running exports on multiples of 1000 steps, so only such odd windows are avoided.
const WINDOWS = {
  fin: [[1234, 2100]],
  live: [
    [1234, 2000],
    [2100, 2400],
  ],
} as const

const SCAN = (run: 'fin' | 'live') => `
import json, wandb
run = wandb.Api().run("local/pqpy/${run}")
def rows(scan): return [{k: v for k, v in r.items() if v is not None} for r in scan]
out = {
  "all": rows(run.scan_history()),
  "again": rows(run.scan_history()),
  "keys": rows(run.scan_history(keys=["loss", "train"])),
  "windows": [rows(run.scan_history(min_step=a, max_step=b)) for a, b in ${JSON.stringify(WINDOWS[run])}],
  "pages": rows(run.scan_history(page_size=250)),
}
print("RESULT", json.dumps(json.dumps(out)))
`

// Non-finite values only below step 2000: past it the running run is live, and `sampledHistory`
// (a JSON field) must send them as strings for Go to parse it, which is srv-compat's fix.
const row = (i: number): Row => ({
  _step: i,
  _runtime: i * 0.25,
  _timestamp: 1_700_000_000 + i,
  loss: i < 2000 && i % 97 === 5 ? NaN : i < 2000 && i % 101 === 7 ? Infinity : 1 / (i + 1),
  phase: i % 2 ? 'train' : 'eval',
  ok: i % 3 === 0,
  train: { lr: 0.1 / (1 + i), sched: { warm: i < 100, name: 'cos' } },
  ...(i % 5 === 0 ? { sparse: i * 2 } : {}),
})

const pick = (r: Row, keys: string[]) => Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]]))

describe.runIf(python)('official Python client: scan_history through Parquet exports', () => {
  let srv: RunningServer
  let proxy: RecordingProxy
  beforeAll(async () => {
    srv = await startServer({ parquetExportRows: 1000 })
    proxy = await startRecordingProxy(srv.url)
    const rows = Array.from({ length: 2500 }, (_, i) => row(i))
    await upsertRun(srv, { name: 'fin', project: 'pqpy' })
    await logRows(srv, 'local/pqpy/fin', 0, rows, true)
    await upsertRun(srv, { name: 'live', project: 'pqpy' })
    await logRows(srv, 'local/pqpy/live', 0, rows)
    for (const run of ['fin', 'live']) {
      await waitFor(
        () => parquetHistoryOf(srv, 'pqpy', run),
        (p) => p.parquetUrls.length > 0,
      )
    }
  }, 60_000)
  afterAll(async () => {
    await proxy.close()
    await srv.close()
  })

  for (const run of ['fin', 'live'] as const) {
    it(`reads ${run === 'fin' ? 'a finished run (all exported)' : 'a running run (files + live tail)'} exactly as history has it`, async () => {
      const state = await parquetHistoryOf(srv, 'pqpy', run)
      expect(state.liveData.map((d) => d._step)).toEqual(
        run === 'fin' ? [] : Array.from({ length: 500 }, (_, i) => 2000 + i),
      )
      const py = await runPython({ url: proxy.url, apiKey: srv.apiKey }, SCAN(run))
      expect(py.code, py.stderr).toBe(0)
      const got = parseExtendedJson(py.result as string) as Record<string, Row[]> & { windows: Row[][] }
      const history = await historyOf(srv, 'pqpy', run)
      expect(got.all).toEqual(history)
      expect(got.again).toEqual(history)
      expect(got.pages).toEqual(history)
      expect(got.windows).toEqual(
        WINDOWS[run].map(([a, b]) =>
          history.filter((r) => (r._step as number) >= a && (r._step as number) < b),
        ),
      )
      expect(got.keys).toEqual(history.map((r) => pick(r, ['_step', 'loss', 'train'])))
      const operations = new Set(proxy.requests.map((r) => r.operation))
      expect(operations.has('RunParquetHistory')).toBe(true)
      // A finished run is read from its files alone; a running one asks for its live tail too.
      expect(operations.has('HistoryPage')).toBe(run === 'live')
      proxy.requests.length = 0
      expect(proxy.failures()).toEqual([])
    }, 120_000)
  }

  it('exports what wandb.init/log/finish wrote, again after a resume, and scan_history reads it all back', async () => {
    const target = { url: proxy.url, apiKey: srv.apiKey }
    const log = (steps: string, resume: string) => `
import wandb
run = wandb.init(entity="local", project="pqpy", id="resumed"${resume})
for i in ${steps}:
    run.log({"loss": 1 / (i + 1), "acc": {"top1": i % 7, "top5": i % 3}, "phase": "train" if i % 2 else "eval"})
run.finish()
`
    const first = await runPython(target, log('range(1500)', ''))
    expect(first.code, first.stderr).toBe(0)
    await waitFor(
      () => parquetHistoryOf(srv, 'pqpy', 'resumed'),
      (p) => p.parquetUrls.length === 1 && p.liveData.length === 0,
    )
    const second = await runPython(target, log('range(1500, 1800)', ', resume="allow"'))
    expect(second.code, second.stderr).toBe(0)
    const done = await waitFor(
      () => parquetHistoryOf(srv, 'pqpy', 'resumed'),
      (p) => p.parquetUrls.length === 2 && p.liveData.length === 0,
    )
    expect(done.parquetUrls).toHaveLength(2)
    const read = await runPython(
      target,
      `
import json, wandb
run = wandb.Api().run("local/pqpy/resumed")
rows = [{k: v for k, v in r.items() if v is not None} for r in run.scan_history()]
print("RESULT", json.dumps(json.dumps(rows)))
`,
    )
    expect(read.code, read.stderr).toBe(0)
    const history = await historyOf(srv, 'pqpy', 'resumed')
    expect(history).toHaveLength(1800)
    expect(parseExtendedJson(read.result as string)).toEqual(history)
    expect(proxy.failures()).toEqual([])
  }, 180_000)
})

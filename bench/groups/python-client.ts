/**
 * wandb-rx against the official Python client (wandb 0.30, `run.scan_history()`) on the same
 * finished run of the same server, both through its Parquet export, each with an empty cache
 * (issue 13). Runs where `WANDB_RX_PYTHON` names a python with wandb (see
 * `../shared/tools/python-wandb.sh`); otherwise it prints why and adds no row.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lastValueFrom, reduce } from 'rxjs'
import { Api } from '../../src/api/api.js'
import { fileHistoryCache } from '../../src/node/history-cache.js'
import { python, runPython } from '../../test/interop/support/python-wandb.js'
import type { BenchContext, BenchGroup, BenchRow } from '../bench-row.js'
import { waitForExport } from '../support/wait-for-export.js'

const SCRIPT = (path: string) => `
import json, time, wandb
run = wandb.Api().run(${JSON.stringify(path)})
t0 = time.perf_counter()
n = sum(1 for _ in run.scan_history())
print("RESULT", json.dumps({"rows": n, "seconds": time.perf_counter() - t0}))
`

export const pythonClient: BenchGroup = {
  title: 'vs the official Python client',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    if (!python) {
      console.error('vs Python 0.30: skipped, WANDB_RX_PYTHON is not set (../shared/tools/python-wandb.sh)')
      return []
    }
    await waitForExport(ctx.server, ctx.runPath)
    const ours = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-bench-cache-'))
      try {
        const api = new Api({
          baseUrl: ctx.server.url,
          apiKey: ctx.server.apiKey,
          historyCache: fileHistoryCache({ dir }),
        })
        const t0 = performance.now()
        const rows = await lastValueFrom(
          api
            .run(ctx.runPath)
            .scanHistory()
            .pipe(reduce((n) => n + 1, 0)),
        )
        return { rows, seconds: (performance.now() - t0) / 1000 }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
    const theirs = async () => {
      const { code, stderr, result } = await runPython(ctx.server, SCRIPT(ctx.runPath), {}, 1_800_000)
      if (code !== 0) throw new Error(`python scan_history failed: ${stderr.slice(-2000)}`)
      return result as { rows: number; seconds: number }
    }
    // Interleaved, best of two each, so load from other processes hits both alike.
    let rx = { rows: 0, seconds: Infinity }
    let py = { rows: 0, seconds: Infinity }
    for (let round = 0; round < 2; round++) {
      const a = await ours()
      if (a.seconds < rx.seconds) rx = a
      const b = await theirs()
      if (b.seconds < py.seconds) py = b
    }
    if (rx.rows !== ctx.rows || py.rows !== ctx.rows)
      throw new Error(`rows differ: wandb-rx ${rx.rows}, Python ${py.rows}, logged ${ctx.rows}`)
    const rate = (m: { rows: number; seconds: number }) =>
      `${Math.round(m.rows / m.seconds).toLocaleString('en')} rows/s`
    const ratio = py.seconds / rx.seconds
    return [
      {
        name: 'scanHistory() vs Python 0.30 run.scan_history(), finished run via Parquet, empty caches',
        value: rate(rx),
        baseline: `${rate(py)} (Python)`,
        ratio,
        target: '≥ 1.2×',
        met: ratio >= 1.2,
      },
    ]
  },
}

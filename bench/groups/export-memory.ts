/**
 * Peak RSS of `wandb-rx history <run> --all` exporting the seeded run (1M rows × 13 columns) to a
 * file, once per format, through the built CLI as shipped (no flags), against the CLI's own
 * footprint (`wandb-rx --version`). Target: ≤ 150 MB.
 */
import { rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchContext, BenchGroup, BenchRow } from '../bench-row.js'
import { measureChild } from '../support/child-measure.js'

// The bin as npm links it (its shebang sets the CLI's V8 flags), on the built dist/.
const CLI = fileURLToPath(new URL('../../bin/wandb-rx.js', import.meta.url))
const FORMATS = ['csv', 'jsonl', 'parquet'] as const
const LIMIT_MB = 150

export const exportMemory: BenchGroup = {
  title: 'history export memory',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const env = { ...process.env, WANDB_BASE_URL: ctx.server.url, WANDB_API_KEY: ctx.server.apiKey }
    const idle = await measureChild([CLI, '--version'], env)
    const rows: BenchRow[] = []
    for (const format of FORMATS) {
      const out = join(tmpdir(), `wandb-rx-bench-${process.pid}.${format}`)
      try {
        const run = await measureChild(
          [CLI, 'history', ctx.runPath, '--all', '--format', format, '--out', out],
          env,
        )
        const mib = statSync(out).size / 2 ** 20
        rows.push({
          name: `\`wandb-rx history --all --format ${format}\`, ${ctx.rows.toLocaleString('en')} rows: peak RSS vs the idle CLI`,
          value: `${run.peakMb.toFixed(0)} MB (${(run.ms / 1000).toFixed(1)} s, ${mib.toFixed(0)} MiB out)`,
          baseline: `${idle.peakMb.toFixed(0)} MB`,
          ratio: run.peakMb / idle.peakMb,
          target: `≤ ${LIMIT_MB} MB`,
          met: run.peakMb <= LIMIT_MB,
        })
      } finally {
        rmSync(out, { force: true })
      }
    }
    return rows
  },
}

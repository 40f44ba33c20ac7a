import { describe, expect, it } from 'vitest'
import { runExample } from './run-example.js'

// Each example runs as its own process against the local server it starts (demo data), the way
// a reader runs it: `npx tsx examples/<name>.ts`. Output lines are checked, not timings.
describe('examples', () => {
  it('quick-start', async () => {
    const { code, stdout, stderr } = await runExample('quick-start.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('signed in as local')
    expect(stdout).toMatch(
      /best finished runs of local\/mnist-classifier by summary\.val_loss:\n( {2}\S+ .*\n){3}/,
    )
    expect(stdout).toMatch(/history: \d+ sampled rows, \d+ rows in full/)
  }, 120_000)

  it('filters-cookbook', async () => {
    const { code, stdout, stderr } = await runExample('filters-cookbook.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(
      /finished runs: \d+ runs\n {2}server: {3}\{"state":"finished"\}\n {2}residual: \(none\)/,
    )
    expect(stdout).toMatch(/summary below a bound: \d+ runs\n {2}server: .*summary_metrics\.val_loss/)
    expect(stdout).toContain('offline matches() checks: ok')
    expect(stdout).toMatch(/rejected: Invalid filter at summary\.loss\.\$between/)
  }, 120_000)

  it('live-monitoring', async () => {
    const { code, stdout, stderr } = await runExample('live-monitoring.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/\[run\] step \d+: loss \d\.\d{4} \(best/)
    expect(stdout).toMatch(/\[run\] ended: finished; best loss/)
    expect(stdout).toContain('[project] training-job: finished')
    expect(stdout).toContain('logger exited with 0')
  }, 120_000)

  it('export', async () => {
    const { code, stdout, stderr } = await runExample('export.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/runs table: \d+ runs x \d+ columns -> demo-output\/export\/runs\.csv/)
    expect(stdout).toMatch(/history: \d+ rows -> demo-output\/export\/history\.parquet/)
    expect(stdout).toMatch(/config keys that differ: .*lr/)
  }, 120_000)

  it('sweeps-best-run', async () => {
    const { code, stdout, stderr } = await runExample('sweeps-best-run.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/^sweep sw33pd3m \(bayes, /)
    expect(stdout).toMatch(/best run: \S+ /)
    expect(stdout).toMatch(/ranked by [+-]summary\./)
  }, 120_000)

  it('artifacts-download-verify', async () => {
    const { code, stdout, stderr } = await runExample('artifacts-download-verify.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/^local\/mnist-classifier\/digits:v0 \(dataset\): 3 files/)
    expect(stdout).toContain('download again: 0 fetched, 3 already present')
    expect(stdout).toMatch(/verify: ok \(digest [0-9a-f]{32}\)/)
    expect(stdout).toContain('after editing a file: FAILED; differing [train.csv]')
  }, 120_000)

  it('compose-rxjs', async () => {
    const { code, stdout, stderr } = await runExample('compose-rxjs.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/best val\.loss per finished run .*\n( {2}\S+ .* \d\.\d{4}\n)+/)
    expect(stdout).toMatch(/dashboard updates for \S+: \+\d+ rows \(step \d+\)/)
  }, 120_000)

  it('grouped-curves', async () => {
    const { code, stdout, stderr } = await runExample('grouped-curves.ts')
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('sampled: train.loss over _step, by config.optimizer')
    expect(stdout).toMatch(
      /full: train\.loss over _step, by config\.optimizer\n( {2}\S+ +\d+ runs, \d+ points, at step \d+(\.5)?: \d\.\d{3} ± \d\.\d{3} \(n=\d+, .*\n)+/,
    )
    expect(stdout).toContain('offline groupCurves equals the full curves: true')
  }, 120_000)
})

describe('demo', () => {
  it('runs end to end offline: logs with @wandb/sdk, queries, watches, exports, plots, exits 0', async () => {
    const { code, stdout, stderr } = await runExample('demo.ts', ['--out', 'demo-output/test-run'])
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(
      /^wandb-rx demo: local W&B-compatible server at http:\/\/127\.0\.0\.1:\d+ \(in memory\)/,
    )
    expect(stdout).toMatch(/adam-lr-1\.0 +exit 1 +diverged/)
    expect(stdout).toMatch(/client residual: \{"summary\.loss":\{"\$lt":1\.5\}\}/)
    expect(stdout).toMatch(/adam-lr-0\.3 +finished/)
    expect(stdout).toMatch(/ {2}step +\d+ +loss \d\.\d{4} +[▁▂▃▄▅▆▇█]+/)
    expect(stdout).toContain('run ended: finished')
    expect(stdout).toMatch(/\d+ rows -> demo-output\/test-run\/history\.csv/)
    expect(stdout).toContain('6 runs -> demo-output/test-run/loss.svg')
    expect(stdout).toMatch(/done in \d+\.\d s/)
  }, 180_000)
})

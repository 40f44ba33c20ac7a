/**
 * The wandb-rx demo (`npm ci && npm run demo`): no W&B account or network needed.
 *
 * 1. starts the embedded W&B-compatible server (random port, in memory);
 * 2. logs six runs into it with the official `@wandb/sdk` logger, each in its own process: four
 *    that finish, one that diverges and fails, one still logging while the demo goes on;
 * 3. queries the best runs by `summary.loss` (with the query plan: server filter + local residual);
 * 4. watches the running run live until it finishes;
 * 5. exports every history row (`scanHistory`) to CSV and plots the loss curves as SVG.
 *
 * Files go to ./demo-output/. `npm run demo -- --serve` then keeps the server running with the live
 * dashboard at `/` (open the printed URL; Ctrl-C stops). Against real W&B (read-only unless
 * `--write`): `WANDB_API_KEY=… npm run demo -- --remote --project entity/project`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Api } from '../src/index.js'
import { startServer } from '../server/src/index.js'
import { buildDashboard } from '../dashboard/build.js'
import { exportHistory } from './demo/export-history.js'
import { plotLoss } from './demo/plot-loss.js'
import { showTopRuns } from './demo/top-runs.js'
import { watchLive } from './demo/watch-live.js'
import { DEMO_PROJECT, DEMO_RUNS, LIVE_RUN } from './support/demo-runs.js'
import { spawnLogger, type LoggerProcess } from './support/spawn-logger.js'

const { values: flags } = parseArgs({
  options: {
    remote: { type: 'boolean' },
    write: { type: 'boolean' },
    project: { type: 'string' },
    out: { type: 'string' },
    serve: { type: 'boolean' },
  },
})
const started = Date.now()
const out = flags.out ?? 'demo-output'
const print = (line: string) => console.log(line)
const heading = (n: number, title: string) => print(`\n[${n}/5] ${title}`)
mkdirSync(out, { recursive: true })

if (flags.remote && !process.env['WANDB_API_KEY']) {
  console.error('demo --remote needs WANDB_API_KEY (and optionally WANDB_BASE_URL); nothing was run')
  process.exit(2)
}
const dashboard =
  flags.serve && !flags.remote ? mkdtempSync(join(tmpdir(), 'wandb-rx-demo-dashboard-')) : undefined
if (dashboard) await buildDashboard(dashboard)
const server = flags.remote
  ? undefined
  : await startServer({ port: 0, seed: false, ...(dashboard ? { dashboard } : {}) })
const target = server ?? {
  url: process.env['WANDB_BASE_URL'] ?? 'https://api.wandb.ai',
  apiKey: process.env['WANDB_API_KEY'] ?? '',
}
const api = new Api({ baseUrl: target.url, apiKey: target.apiKey })
const loggers: LoggerProcess[] = []

try {
  const entity = server?.entity ?? (await api.viewer()).entity
  const project = flags.project ?? `${entity}/${DEMO_PROJECT}`
  print(
    `wandb-rx demo: ${server ? `local W&B-compatible server at ${server.url} (in memory)` : `${target.url}, project ${project}`}`,
  )

  heading(1, 'logging runs with the official @wandb/sdk logger (one process per run)')
  const write = server !== undefined || flags.write === true
  if (write) {
    loggers.push(
      ...DEMO_RUNS.map((spec) =>
        spawnLogger({ ...spec, project: project.split('/').pop() as string }, target),
      ),
    )
    const done = loggers.filter((l) => l.spec.id !== LIVE_RUN)
    const codes = await Promise.all(done.map((l) => l.exited))
    done.forEach((l, i) =>
      print(
        `  ${l.spec.id.padEnd(14)} exit ${codes[i]}  ${codes[i] === 0 ? 'finished' : 'diverged to NaN, finish(1)'}`,
      ),
    )
    print(`  ${LIVE_RUN.padEnd(14)} still logging...`)
  } else print('  read-only: skipped (pass --write to log demo runs into the remote project)')

  heading(2, 'top finished Adam runs by summary.loss (filter: loss < 1.5)')
  await showTopRuns(api, project, print)

  heading(3, `watching ${LIVE_RUN} live until it ends`)
  const live = write
    ? `${project}/${LIVE_RUN}`
    : (await api.runs(project).where({ state: 'running' }).first())?.path
  if (live) print(`  run ended: ${await watchLive(api, live, print)}`)
  else print('  no running run in this project: skipped')

  heading(4, 'full history export (scanHistory, every row) to CSV')
  const csv = join(out, 'history.csv')
  print(`  ${await exportHistory(api, project, csv)} rows -> ${csv}`)

  heading(5, 'loss curves as SVG')
  const svg = join(out, 'loss.svg')
  print(`  ${await plotLoss(api, project, svg)} runs -> ${svg}`)

  const s = api.stats()
  print(
    `\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s (${s.requests} requests, ${s.retries} retries)`,
  )
  if (server && dashboard) {
    print(`\nlive dashboard: ${server.url}/#key=${server.apiKey}   (Ctrl-C stops the server)`)
    await new Promise<void>((stop) => process.once('SIGINT', () => stop()))
  } else if (server)
    print('\nsee these runs in a browser: npm run demo -- --serve, then open the dashboard URL it prints')
} finally {
  for (const logger of loggers) logger.kill()
  await server?.close()
}

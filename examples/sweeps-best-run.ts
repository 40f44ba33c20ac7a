/**
 * Sweeps: read a sweep, its metric and its best run (Python: `api.sweep(path).best_run()`), then
 * rank all of its runs and see which hyperparameters differ between the best and the worst.
 *
 * Run: `npx tsx examples/sweeps-best-run.ts` (the local demo's Bayesian lr sweep), or
 * `WANDB_API_KEY=… npx tsx examples/sweeps-best-run.ts --remote --project entity/project --sweep id`.
 */
import { parseArgs } from 'node:util'
import { compareConfigs } from '../src/exports/index.js'
import { DEMO } from '../server/src/index.js'
import { openExample } from './support/open-example.js'

const { values } = parseArgs({ options: { sweep: { type: 'string' } }, strict: false })
const { api, project, close } = await openExample(DEMO.projects.sweeps)
try {
  const sweep = await api.sweep(
    `${project}/${typeof values['sweep'] === 'string' ? values['sweep'] : DEMO.sweep}`,
  )
  const metric = sweep.metric ? `${sweep.metric.goal ?? 'minimize'} ${sweep.metric.name}` : '(no metric)'
  console.log(
    `sweep ${sweep.id} (${sweep.method ?? '?'}, ${sweep.state ?? '?'}): ${sweep.runCount ?? '?'} runs, ${metric}`,
  )

  const best = await sweep.bestRun()
  if (!best) throw new Error('the sweep has no runs yet')
  console.log(`best run: ${best.id} ${best.name}  config ${JSON.stringify(best.config)}`)

  // All runs of the sweep, ranked by the sweep's metric (finished ones only).
  const name = sweep.metric?.name ?? 'loss'
  const order = sweep.metric?.goal === 'maximize' ? `-summary.${name}` : `+summary.${name}`
  const ranked = await sweep.runs().where({ state: 'finished' }).orderBy(order).toArray()
  console.log(`ranked by ${order}:`)
  for (const run of ranked)
    console.log(`  ${run.id}  ${String(run.summary[name]).padEnd(10)}  lr=${String(run.config['lr'])}`)

  // What the best and the worst run did differently.
  const worst = ranked[ranked.length - 1]
  if (worst && worst.id !== best.id) {
    const { differences } = compareConfigs([best, worst])
    for (const {
      key,
      values: [a, b],
    } of differences)
      console.log(`  ${key}: best ${String(a)} vs worst ${String(b)}`)
  }
} finally {
  await close()
}

/**
 * Quick start: connect, list the best runs of a project, read one run, and get its history.
 *
 * Run: `npx tsx examples/quick-start.ts` (local demo data) or
 * `WANDB_API_KEY=… npx tsx examples/quick-start.ts --remote --project entity/project`.
 */
import { lastValueFrom, toArray } from 'rxjs'
import { openExample } from './support/open-example.js'

const { api, project, close } = await openExample()
try {
  const me = await api.viewer()
  console.log(`signed in as ${me.username ?? me.entity} (entity ${me.entity})`)

  // 1. The three finished runs with the lowest summary loss (Python: api.runs(path, filters, order)).
  const best = await api
    .runs(project)
    .where({ state: 'finished' })
    .orderBy('+summary.val_loss')
    .limit(3)
    .toArray()
  console.log(`\nbest finished runs of ${project} by summary.val_loss:`)
  for (const run of best)
    console.log(
      `  ${run.id}  ${run.name.padEnd(20)}  lr=${String(run.config['lr'])}  val_loss=${String(run.summary['val_loss'])}`,
    )

  // 2. One run: plain, frozen data (config unwrapped, summary as logged).
  const first = best[0]
  if (first === undefined) throw new Error(`no finished runs in ${project}`)
  const run = await api.run(first.path).get()
  console.log(
    `\n${run.path}: state=${run.state}, ${run.historyLineCount} history rows, tags=[${run.tags.join(', ')}]`,
  )

  // 3. History: sampled (fast, ~N rows, like Python's run.history()) vs every row (scanHistory).
  const sampled = await lastValueFrom(
    api
      .run(run)
      .history({ keys: ['train.loss'], samples: 50 })
      .pipe(toArray()),
  )
  const all = await lastValueFrom(
    api
      .run(run)
      .scanHistory({ keys: ['train.loss'] })
      .pipe(toArray()),
  )
  console.log(`history: ${sampled.length} sampled rows, ${all.length} rows in full`)
  console.log(`last row: ${JSON.stringify(all[all.length - 1])}`)
} finally {
  await close()
}

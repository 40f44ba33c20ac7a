/**
 * Grouped curves: the mean and spread of a metric per group of runs and per step, as W&B's
 * grouped line plots show them (Python users reach for pandas' groupby). Here: `train.loss` of the
 * demo's MNIST runs grouped by optimizer, from sampled history (one request per run) and from full
 * history, then the same computation offline with `groupCurves`.
 *
 * Run: `npx tsx examples/grouped-curves.ts` (the local demo), or
 * `WANDB_API_KEY=… npx tsx examples/grouped-curves.ts --remote --project entity/project`.
 */
import { lastValueFrom, toArray } from 'rxjs'
import { groupCurves, type CurveSet } from '../src/index.js'
import { DEMO } from '../server/src/index.js'
import { openExample } from './support/open-example.js'

const { api, project, close } = await openExample(DEMO.projects.mnist)
const show = (title: string, set: CurveSet) => {
  console.log(`${title}: ${set.key} over ${set.x}, by ${set.groupBy.join(', ')}`)
  for (const group of set.groups) {
    const last = group.points.at(-1)
    const end = last
      ? `at step ${last.x}: ${last.mean.toFixed(3)} ± ${last.std.toFixed(3)} (n=${last.count}, min ${last.min.toFixed(3)}, max ${last.max.toFixed(3)})`
      : 'no values'
    console.log(
      `  ${group.label.padEnd(8)} ${group.runIds.length} runs, ${group.points.length} points, ${end}, ${group.skipped} skipped`,
    )
  }
}
try {
  const runs = api.runs(project).where({ state: { $in: ['finished', 'crashed'] } })
  const options = { key: 'train.loss', groupBy: 'config.optimizer', buckets: 50 }

  // Sampled: about `samples` rows per run, one request each; quick, and what W&B's UI plots.
  show('sampled', await lastValueFrom(runs.curves({ ...options, samples: 200 })))
  // Full: every row (Parquet exports where the server has them).
  const full = await lastValueFrom(runs.curves({ ...options, source: 'full' }))
  show('full', full)

  // The same computation offline, over rows you already have.
  const list = await runs.toArray()
  const series = await Promise.all(
    list.map(async (run) => ({
      run,
      rows: await lastValueFrom(
        api
          .run(run)
          .scanHistory({ keys: ['train.loss'] })
          .pipe(toArray()),
      ),
    })),
  )
  const offline = groupCurves(series, options)
  console.log(
    `offline groupCurves equals the full curves: ${JSON.stringify(offline) === JSON.stringify(full)}`,
  )
} finally {
  await close()
}

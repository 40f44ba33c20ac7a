/**
 * Composing RxJS pipelines: wandb-rx returns plain Observables, so the operators you know
 * apply. Here: the best validation loss of every run, fetched 3 runs at a time (`mergeMap`
 * with a concurrency limit); a dashboard that refreshes once a second from a burst of events
 * (`bufferTime`); `reduce` and `toArray` to rank the results.
 *
 * Run: `npx tsx examples/compose-rxjs.ts`.
 */
import { bufferTime, filter, lastValueFrom, map, mergeMap, reduce, take, toArray } from 'rxjs'
import type { HistoryRow, Run } from '../src/index.js'
import { openExample } from './support/open-example.js'

const { api, project, close } = await openExample()
try {
  // 1. Per-run minimum of val.loss from the full history, 3 runs in flight at most.
  const bestPerRun = await lastValueFrom(
    api
      .runs(project)
      .where({ state: 'finished' })
      .stream()
      .pipe(
        mergeMap(
          (run: Run) =>
            api
              .run(run)
              .scanHistory({ keys: ['val.loss'] })
              .pipe(
                map((row: HistoryRow) =>
                  Number((row['val'] as { loss?: unknown } | undefined)?.loss ?? row['val.loss']),
                ),
                filter((loss) => Number.isFinite(loss)),
                reduce((min, loss) => Math.min(min, loss), Infinity),
                map((best) => ({ run: run.id, name: run.name, best })),
              ),
          3,
        ),
        toArray(),
        map((list) => list.sort((a, b) => a.best - b.best)),
      ),
  )
  console.log('best val.loss per finished run (from every row, 3 runs at a time):')
  for (const { run, name, best } of bestPerRun.slice(0, 5))
    console.log(`  ${run}  ${name.padEnd(20)}  ${best.toFixed(4)}`)

  // 2. A dashboard tick: batch a stream of rows into one update per 100 ms window.
  const top = bestPerRun[0]
  if (top) {
    const ticks = await lastValueFrom(
      api
        .run(`${project}/${top.run}`)
        .scanHistory()
        .pipe(
          bufferTime(100),
          filter((rows) => rows.length > 0),
          map((rows) => ({ rows: rows.length, lastStep: rows[rows.length - 1]?._step })),
          take(5),
          toArray(),
        ),
    )
    console.log(
      `dashboard updates for ${top.run}: ${ticks.map((t) => `+${t.rows} rows (step ${t.lastStep})`).join(', ')}`,
    )
  }
} finally {
  await close()
}

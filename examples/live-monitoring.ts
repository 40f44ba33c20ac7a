/**
 * Live monitoring: follow a training run while it logs, with `watch()` (new rows, state and
 * summary changes, then `end`), and keep an eye on the whole project with `query.live()`
 * (runs appearing and changing). Locally, a training job is started with the official
 * `@wandb/sdk` logger in a child process, so there is something to watch.
 *
 * Run: `npx tsx examples/live-monitoring.ts`.
 */
import { takeUntil, timer } from 'rxjs'
import { NotFoundError, type HistoryRow } from '../src/index.js'
import { openExample } from './support/open-example.js'
import { spawnLogger } from './support/spawn-logger.js'

const { api, project, local, close } = await openExample('live-demo')
try {
  // Locally: start a job that logs 60 steps over ~6 s (remotely: watch a run that is running).
  const job =
    local &&
    spawnLogger(
      { project: 'live-demo', id: 'training-job', config: { lr: 0.1 }, steps: 60, delayMs: 100 },
      local,
    )
  const path = job
    ? `${project}/training-job`
    : (await api.runs(project).where({ state: 'running' }).first())?.path
  if (!path) throw new Error(`no running run in ${project} to watch`)
  // The job needs a moment to create its run (wandb.init); until then it is a NotFoundError.
  for (let found = false; !found;) {
    found = await api
      .run(path)
      .get()
      .then(
        () => true,
        (error: unknown) =>
          error instanceof NotFoundError
            ? new Promise((r) => setTimeout(() => r(false), 300))
            : Promise.reject(error),
      )
  }

  // The project view: runs appearing, changing state or disappearing, until the job ends.
  const states = new Map<string, string>()
  const projectView = api
    .runs(project)
    .live({ intervalMs: 1000 })
    .subscribe({
      next(e) {
        for (const run of e.type === 'snapshot' ? e.runs : [e.run]) {
          const state = e.type === 'removed' ? 'removed' : run.state
          if (states.get(run.id) !== state) console.log(`[project] ${run.id}: ${state}`)
          states.set(run.id, state)
        }
      },
      error: (error: unknown) => console.error(`[project] ${String(error)}`),
    })

  // The run view: new rows as they land, with a simple early-stopping rule on top.
  let best = Infinity
  let bestStep = 0
  await new Promise<void>((resolve, reject) =>
    api
      .run(path)
      .watch({ intervalMs: 500 })
      .pipe(takeUntil(timer(60_000)))
      .subscribe({
        next(event) {
          if (event.type === 'history') {
            for (const row of event.rows as HistoryRow[]) {
              const loss = Number(row['loss'])
              if (loss < best - 1e-3) [best, bestStep] = [loss, row._step]
            }
            const last = event.rows[event.rows.length - 1]
            if (last)
              console.log(
                `[run] step ${last._step}: loss ${Number(last['loss']).toFixed(4)} (best ${best.toFixed(4)} at step ${bestStep})`,
              )
          }
          if (event.type === 'state') console.log(`[run] state ${event.from ?? '-'} -> ${event.to}`)
          if (event.type === 'end')
            console.log(`[run] ended: ${event.state}; best loss ${best.toFixed(4)} at step ${bestStep}`)
        },
        error: reject,
        complete: resolve,
      }),
  )
  await new Promise((resolve) => setTimeout(resolve, 1500)) // one more project poll sees the end
  projectView.unsubscribe()
  if (job) console.log(`logger exited with ${await job.exited}`)
} finally {
  await close()
}

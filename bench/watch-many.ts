/**
 * Requests per poll interval while watching 100 running runs (issue 6; target ≤ 2).
 *
 *   npx tsx bench/watch-many.ts [--runs 100] [--interval 1000] [--seconds 10]
 *
 * 100 runs log a row every half interval through file_stream while they are watched
 * (a) with watchMany (one batched status request per poll, plus one batched row request when
 * rows arrived) and (b) with one watch() per run, for comparison. Requests are counted with
 * `api.stats()` (one Api per mode).
 */
import { merge, type Observable } from 'rxjs'
import { startServer } from '../server/src/index.js'
import { Api } from '../src/api/api.js'
import { watchMany } from '../src/streams/watch-many.js'

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? Number(process.argv[at + 1]) : fallback
}
const RUNS = arg('runs', 100)
const INTERVAL = arg('interval', 1000)
const SECONDS = arg('seconds', 10)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const srv = await startServer({ port: 0 })
const auth = { authorization: `Basic ${btoa(`api:${srv.apiKey}`)}`, 'content-type': 'application/json' }

/** Runs logging one row per run every half interval until stopped; returns the stop function. */
function liveRuns(project: string): { names: string[]; stop: () => Promise<void> } {
  const names = Array.from({ length: RUNS }, (_, i) => `run${i}`)
  srv.bulkInsertRuns(
    srv.entity,
    project,
    names.map((name) => ({ name, state: 'running' })),
  )
  let running = true
  let step = 0
  const post = (name: string, body: unknown) =>
    fetch(`${srv.url}/files/${srv.entity}/${project}/${name}/file_stream`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(body),
    }).then((r) => r.arrayBuffer())
  const loop = (async () => {
    while (running) {
      const line = JSON.stringify({ _step: step, loss: 1 / (step + 1) })
      await Promise.all(
        names.map((n) => post(n, { files: { 'wandb-history.jsonl': { offset: step, content: [line] } } })),
      )
      step++
      await sleep(INTERVAL / 2)
    }
  })()
  return {
    names,
    stop: async () => {
      running = false
      await loop
      await Promise.all(names.map((n) => post(n, { complete: true, exitcode: 0 })))
    },
  }
}

async function measure(
  label: string,
  project: string,
  watchAll: (api: Api, paths: string[]) => Observable<unknown>,
) {
  const { names, stop } = liveRuns(project)
  const api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey })
  let events = 0
  const done = new Promise<void>((resolve, reject) =>
    watchAll(
      api,
      names.map((n) => `${srv.entity}/${project}/${n}`),
    ).subscribe({
      next: () => events++,
      error: reject,
      complete: resolve,
    }),
  )
  await sleep(INTERVAL) // the first poll reads the whole history so far; measure steady state
  const before = api.stats().requests
  const t0 = performance.now()
  await sleep(SECONDS * 1000)
  const requests = api.stats().requests - before
  const intervals = (performance.now() - t0) / INTERVAL
  await stop()
  await done
  console.log(
    `${label.padEnd(34)} ${(requests / intervals).toFixed(2).padStart(7)} requests per ${INTERVAL} ms interval ` +
      `(${requests} requests in ${intervals.toFixed(1)} intervals, ${events} events, all ${RUNS} runs ended)`,
  )
  return requests / intervals
}

console.log(`${RUNS} running runs, each logging a row every ${INTERVAL / 2} ms; watched for ${SECONDS} s\n`)
const batched = await measure('(a) watchMany (batched)', 'many', (api, paths) =>
  watchMany(api.context, paths, { intervalMs: INTERVAL }),
)
const separate = await measure('(b) one watch() per run', 'single', (api, paths) =>
  merge(...paths.map((path) => api.run(path).watch({ intervalMs: INTERVAL }))),
)
console.log(
  `\nwatchMany: ${batched.toFixed(2)} requests/interval (target ≤ 2); per-run watches: ${separate.toFixed(1)}`,
)
await srv.close()

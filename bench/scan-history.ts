/**
 * scanHistory throughput and memory on the local server (issue 6).
 *
 *   npx tsx bench/scan-history.ts [--rows 1000000]
 *
 * The server runs in a child process (this file with --serve) so its SQLite work does not share
 * the client's event loop. Prints rows/s for
 *   (a) scanHistory with its defaults (adaptive concurrency), pageSize 1000
 *   (b) a sequential pager: one window at a time (what the Python client does)
 *   (c) the limit: raw fetch + JSON.parse (body, then each row line) of the same windows at the
 *       same concurrency, no io-ts decoding, no Observable
 * and (a)/(c), then (a)/(b) with 20 ms injected server latency, and the peak RSS of a child
 * process exporting every row through the Observable to an NDJSON file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Api } from '../src/api/api.js'
import { orderedConcurrent } from '../src/streams/ordered-concurrent.js'
import { stepWindows } from '../src/streams/step-windows.js'
import { METRIC_KEYS, seedHistory, startBenchServer } from './support/bench-server.js'

const SELF = fileURLToPath(import.meta.url)
const PROJECT = 'bench'
const RUN = 'big'
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}
interface Target {
  url: string
  apiKey: string
  entity: string
}

// ---- child: the memory export -----------------------------------------------------------------
async function exportRows(target: Target, file: string): Promise<void> {
  const api = new Api({ baseUrl: target.url, apiKey: target.apiKey })
  const fd = openSync(file, 'w')
  let buffer: string[] = []
  let rows = 0
  const flush = () => {
    writeSync(fd, buffer.join(''))
    buffer = []
  }
  const baselineMb = process.memoryUsage().rss / 2 ** 20
  const t0 = performance.now()
  await new Promise<void>((resolve, reject) =>
    api
      .run(`${target.entity}/${PROJECT}/${RUN}`)
      .scanHistory({ source: 'graphql' })
      .subscribe({
        next: (row) => {
          buffer.push(`${JSON.stringify(row)}\n`)
          if (++rows % 5000 === 0) flush()
        },
        error: reject,
        complete: resolve,
      }),
  )
  flush()
  closeSync(fd)
  const seconds = (performance.now() - t0) / 1000
  const peakMb = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ rows, seconds, peakMb, baselineMb, bytes: statSync(file).size }))
}

// ---- parent -----------------------------------------------------------------------------------
function child(args: string[], nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', SELF, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
}

/** The export child's V8 old-space cap: it finishes only if memory stays bounded. */
const EXPORT_HEAP_MB = 64
/** Reads a child's stdout line by line, one reader for its whole life. */
function lineReader(proc: ChildProcess): () => Promise<string> {
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]()
  return async () => {
    const next = await lines.next()
    if (next.done) throw new Error('child exited without output')
    return next.value
  }
}

/**
 * Rows/s of each scan mode: the modes run interleaved, round after round (a, b, c, a, b, c, …),
 * and each keeps its best round, so load from other processes on a shared machine hits every
 * mode alike instead of whichever ran during a busy spell.
 */
const REPEATS = Number(arg('repeats', '3'))
async function timeAll(
  rows: number,
  modes: Record<string, () => Promise<number>>,
): Promise<Record<string, number>> {
  const best: Record<string, number> = {}
  for (let round = 0; round < REPEATS; round++) {
    for (const [label, scan] of Object.entries(modes)) {
      const t0 = performance.now()
      const seen = await scan()
      const seconds = (performance.now() - t0) / 1000
      if (seen !== rows) throw new Error(`${label}: saw ${seen} rows, expected ${rows}`)
      best[label] = Math.min(best[label] ?? Infinity, seconds)
    }
  }
  const rates: Record<string, number> = {}
  for (const [label, seconds] of Object.entries(best)) {
    rates[label] = rows / seconds
    console.log(
      `${label.padEnd(58)} ${Math.round(rows / seconds)
        .toLocaleString('en')
        .padStart(10)} rows/s  (best of ${REPEATS}: ${seconds.toFixed(2)} s)`,
    )
  }
  return rates
}

const countRows = (source: import('rxjs').Observable<unknown>) =>
  new Promise<number>((resolve, reject) => {
    let n = 0
    source.subscribe({ next: () => n++, error: reject, complete: () => resolve(n) })
  })

/** (c): raw fetch + JSON.parse of the same windows, same concurrency, no decoding. */
function rawScan(target: Target, rows: number, concurrency: number, parseLines: boolean): Promise<number> {
  const query = `query RunHistory($entity: String!, $project: String!, $name: String!, $samples: Int, $minStep: Int64, $maxStep: Int64) {
  project(name: $project, entityName: $entity) { run(name: $name) { history(samples: $samples, minStep: $minStep, maxStep: $maxStep) } } }`
  const headers = {
    authorization: `Basic ${btoa(`api:${target.apiKey}`)}`,
    'content-type': 'application/json',
  }
  const load = async ({ minStep, maxStep }: { minStep: number; maxStep: number }, signal: AbortSignal) => {
    const variables = {
      entity: target.entity,
      project: PROJECT,
      name: RUN,
      minStep,
      maxStep,
      samples: maxStep - minStep,
    }
    const res = await fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal,
    })
    const lines = (JSON.parse(await res.text()) as { data: { project: { run: { history: string[] } } } }).data
      .project.run.history
    return parseLines ? lines.map((line) => JSON.parse(line) as unknown) : lines
  }
  return new Promise<number>((resolve, reject) => {
    let n = 0
    orderedConcurrent(stepWindows(0, rows, 1000), load, concurrency).subscribe({
      next: (window) => (n += window.length),
      error: reject,
      complete: () => resolve(n),
    })
  })
}

async function main(): Promise<void> {
  const rows = Number(arg('rows', '1000000'))
  const server = await startBenchServer()
  const target: Target = server
  const setFaults = (plan: unknown) => server.setFaults(plan)
  console.log(`seeding ${rows.toLocaleString('en')} rows × ${METRIC_KEYS.length} keys via file_stream …`)
  const seeded = await seedHistory(target, { project: PROJECT, name: RUN, rows })
  console.log(`seeded in ${seeded.toFixed(1)} s (${Math.round(rows / seeded).toLocaleString('en')} rows/s)\n`)
  const api = new Api({ baseUrl: target.url, apiKey: target.apiKey })
  const handle = api.run(`${target.entity}/${PROJECT}/${RUN}`)

  await countRows(handle.scanHistory({ source: 'graphql', maxStep: Math.min(rows, 200_000) })) // warm up JIT and SQLite pages
  await rawScan(target, Math.min(rows, 200_000), 4, true)
  const r = await timeAll(rows, {
    '(a) scanHistory, defaults (adaptive concurrency)': () =>
      countRows(handle.scanHistory({ source: 'graphql' })),
    '(b) sequential pager, one window at a time': () =>
      countRows(handle.scanHistory({ source: 'graphql', concurrency: 1 })),
    '(c) raw fetch + JSON.parse body and rows, concurrency 4': () => rawScan(target, rows, 4, true),
    '(c0) raw fetch + JSON.parse body only, concurrency 4': () => rawScan(target, rows, 4, false),
  })
  const [a, b, c, c0] = Object.values(r) as [number, number, number, number]
  console.log(
    `\n(a)/(c) = ${(a / c).toFixed(2)}   (a)/(c0) = ${(a / c0).toFixed(2)}   (a)/(b) = ${(a / b).toFixed(2)}`,
  )

  const latencyRows = Math.min(rows, 200_000)
  console.log(
    `\nwith 20 ms injected latency per history request (${latencyRows.toLocaleString('en')} rows, ${latencyRows / 1000} windows):`,
  )
  await setFaults({ operations: ['RunHistory'], latencyMs: 20 })
  const l = await timeAll(latencyRows, {
    '(a) scanHistory, defaults (adaptive concurrency)': () =>
      countRows(handle.scanHistory({ source: 'graphql', maxStep: latencyRows })),
    '(b) sequential pager': () =>
      countRows(handle.scanHistory({ source: 'graphql', maxStep: latencyRows, concurrency: 1 })),
    '(a8) scanHistory, concurrency 8': () =>
      countRows(handle.scanHistory({ source: 'graphql', maxStep: latencyRows, concurrency: 8 })),
  })
  const [la, lb, l8] = Object.values(l) as [number, number, number]
  console.log(`\n(a)/(b) = ${(la / lb).toFixed(2)}   (a8)/(b) = ${(l8 / lb).toFixed(2)}`)
  await setFaults(null)

  const file = join(tmpdir(), `wandb-rx-scan-${process.pid}.ndjson`)
  const exporter = child(
    ['--export', JSON.stringify(target), file],
    [`--max-old-space-size=${EXPORT_HEAP_MB}`],
  )
  const result = JSON.parse(await lineReader(exporter)()) as {
    rows: number
    seconds: number
    peakMb: number
    baselineMb: number
    bytes: number
  }
  rmSync(file, { force: true })
  console.log(
    `\nexport of ${result.rows.toLocaleString('en')} rows through the Observable to NDJSON ` +
      `(${(result.bytes / 2 ** 20).toFixed(0)} MiB): ${result.seconds.toFixed(1)} s, peak RSS ${result.peakMb.toFixed(0)} MB ` +
      `(child process with --max-old-space-size=${EXPORT_HEAP_MB}; ${result.baselineMb.toFixed(0)} MB of it is Node + tsx + the library loaded before the scan)`,
  )
  server.close()
}

if (process.argv.includes('--export')) {
  const at = process.argv.indexOf('--export')
  await exportRows(JSON.parse(process.argv[at + 1] ?? '{}') as Target, process.argv[at + 2] ?? 'out.ndjson')
} else await main()

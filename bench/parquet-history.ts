/**
 * scanHistory through Parquet exports vs GraphQL windows (issue 12), on one finished run of the
 * local server: full scans and keyed scans (2 of the run's columns), time and bytes.
 *
 * Used by `bench/scan-history.ts`; `benchParquetHistory` returns rows the combined bench table
 * can take, and `printBenchRows` prints them.
 */
import { Api } from '../src/api/api.js'
import type { ApiOptions } from '../src/api/api-options.js'
import type { ScanHistoryOptions } from '../src/streams/scan-history.js'

/** One line of the bench table: `value` against `baseline`, and `value / baseline`. */
export interface BenchRow {
  readonly name: string
  readonly value: number
  readonly baseline: number
  readonly ratio: number
  readonly unit: string
}

/** Where the run is: a local server and the run's path. */
export interface ParquetBenchTarget {
  readonly url: string
  readonly apiKey: string
  readonly entity: string
  readonly project: string
  readonly run: string
}

interface Measured {
  readonly seconds: number
  readonly rows: number
  readonly bytes: number
  readonly requests: number
}

/** Waits until the server has exported every row of the run (exports run in the background). */
export async function waitForExport(target: ParquetBenchTarget, timeoutMs = 300_000): Promise<number> {
  const query = `query P($e: String!, $p: String!, $r: String!) { project(name: $p, entityName: $e) {
    run(name: $r) { parquetHistory(liveKeys: ["_step"]) { parquetUrls liveData } } } }`
  const t0 = performance.now()
  for (;;) {
    const res = await fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`api:${target.apiKey}`)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { e: target.entity, p: target.project, r: target.run } }),
    })
    const body = (await res.json()) as {
      data: { project: { run: { parquetHistory: { parquetUrls: string[]; liveData: unknown[] } } } }
    }
    const found = body.data.project.run.parquetHistory
    if (found.parquetUrls.length > 0 && found.liveData.length === 0) return (performance.now() - t0) / 1000
    if (performance.now() - t0 > timeoutMs) throw new Error('the run was not exported in time')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function measure(
  target: ParquetBenchTarget,
  options: ScanHistoryOptions,
  api: ApiOptions = {},
): Promise<Measured> {
  const client = new Api({ baseUrl: target.url, apiKey: target.apiKey, ...api })
  const t0 = performance.now()
  const rows = await new Promise<number>((resolve, reject) => {
    let n = 0
    client
      .run(`${target.entity}/${target.project}/${target.run}`)
      .scanHistory(options)
      .subscribe({ next: () => n++, error: reject, complete: () => resolve(n) })
  })
  const seconds = (performance.now() - t0) / 1000
  const stats = client.stats()
  // bytesReceived counts every response body: GraphQL, and Parquet files (ranges or whole).
  return { seconds, rows, bytes: stats.bytesReceived, requests: stats.requests }
}

/** The best (fastest) of `repeats` runs of `scan`, checking every run saw `rows` rows. */
async function best(
  repeats: number,
  rows: number | undefined,
  scan: () => Promise<Measured>,
): Promise<Measured> {
  let fastest: Measured | undefined
  for (let i = 0; i < repeats; i++) {
    const m = await scan()
    if (rows !== undefined && m.rows !== rows) throw new Error(`saw ${m.rows} rows, expected ${rows}`)
    if (fastest === undefined || m.seconds < fastest.seconds) fastest = m
  }
  return fastest as Measured
}

const row = (name: string, value: number, baseline: number, unit: string): BenchRow => ({
  name,
  value,
  baseline,
  ratio: value / baseline,
  unit,
})

/**
 * Full and keyed scans of one exported run through Parquet (ranged reads; and with a file cache)
 * against GraphQL windows. Rates are rows/s (higher is better, ratio = Parquet / GraphQL); bytes
 * are what crossed the wire (lower is better, ratio = Parquet / GraphQL).
 */
export async function benchParquetHistory(
  target: ParquetBenchTarget,
  options: { rows: number; keys: readonly string[]; repeats?: number; cacheDir?: string },
): Promise<BenchRow[]> {
  const repeats = options.repeats ?? 1
  const { rows } = options
  const graphql = await best(repeats, rows, () => measure(target, { source: 'graphql' }))
  const parquet = await best(repeats, rows, () => measure(target, { source: 'parquet' }))
  const keys = options.keys
  const graphqlKeyed = await best(repeats, rows, () => measure(target, { source: 'graphql', keys }))
  const parquetKeyed = await best(repeats, rows, () => measure(target, { source: 'parquet', keys }))
  const out = [
    row(
      'Parquet full scan (ranged reads), rows/s vs GraphQL',
      parquet.rows / parquet.seconds,
      graphql.rows / graphql.seconds,
      'rows/s',
    ),
    row('Parquet full scan, bytes vs GraphQL', parquet.bytes, graphql.bytes, 'bytes'),
    row(
      `Parquet keyed scan (${keys.length} of the columns), rows/s vs GraphQL`,
      parquetKeyed.rows / parquetKeyed.seconds,
      graphqlKeyed.rows / graphqlKeyed.seconds,
      'rows/s',
    ),
    row(
      `Parquet keyed scan (${keys.length} of the columns), bytes vs GraphQL`,
      parquetKeyed.bytes,
      graphqlKeyed.bytes,
      'bytes',
    ),
  ]
  out.push(
    row('Parquet full scan, HTTP requests vs GraphQL', parquet.requests, graphql.requests, 'requests'),
    row(
      `Parquet keyed scan, HTTP requests vs GraphQL`,
      parquetKeyed.requests,
      graphqlKeyed.requests,
      'requests',
    ),
  )
  if (options.cacheDir !== undefined) {
    const { fileHistoryCache } = await import('../src/node/history-cache.js')
    const historyCache = fileHistoryCache({ dir: options.cacheDir })
    const download = await measure(target, { source: 'parquet' }, { historyCache })
    const cached = await best(repeats, rows, () => measure(target, { source: 'parquet' }, { historyCache }))
    out.push(
      row(
        'Parquet full scan, first (download into cache), rows/s vs GraphQL',
        download.rows / download.seconds,
        graphql.rows / graphql.seconds,
        'rows/s',
      ),
      row(
        'Parquet full scan from the cache, rows/s vs GraphQL',
        cached.rows / cached.seconds,
        graphql.rows / graphql.seconds,
        'rows/s',
      ),
    )
  }
  return out
}

/** Prints bench rows as an aligned table. */
export function printBenchRows(rows: readonly BenchRow[]): void {
  const fmt = (n: number) => Math.round(n).toLocaleString('en')
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(72)} ${fmt(r.value).padStart(14)} vs ${fmt(r.baseline).padStart(14)} ${r.unit.padEnd(6)}  ratio ${r.ratio.toFixed(2)}`,
    )
  }
}

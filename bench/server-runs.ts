/**
 * Server benchmark: 100k runs × (20 config + 20 summary keys) in one project, then p50/p95
 * latency over HTTP of
 *   - baseline:       an unfiltered `+created_at` page of 50 (full RunFragment)
 *   - filtered page:  config + summary filter, ordered by a summary key, page of 50
 *   - next page:      the same query after the first page's cursor
 *   - runCount:       the filtered count
 * Ratios are against the baseline measured in the same run. Target: filtered page p50 ≤ 20 ms.
 *
 * Setup uses the store's bulk path (`srv.bulkInsertRuns`), not the W&B protocol, so that 100k
 * runs load in seconds; every measured request is real HTTP + GraphQL.
 *
 * Run: npx tsx bench/server-runs.ts [runs=100000] [iterations=200]
 */
import { startServer } from '../server/src/index.js'
import { createPrng, pick } from '../server/src/util/prng.js'

const RUNS = Number(process.argv[2] ?? 100_000)
const ITERATIONS = Number(process.argv[3] ?? 200)
const PROJECT = 'bench'

const FRAGMENT = `fragment RunFragment on Run { id tags name displayName sweepName state group jobType commit readOnly
  createdAt heartbeatAt description notes historyLineCount user { name username } config systemMetrics summaryMetrics historyKeys }`
const RUNS_QUERY = `query Runs($project: String!, $entity: String!, $cursor: String, $perPage: Int = 50, $order: String, $filters: JSONString) {
  project(name: $project, entityName: $entity) {
    runs(filters: $filters, after: $cursor, first: $perPage, order: $order) {
      edges { node { projectId ...RunFragment } cursor } pageInfo { endCursor hasNextPage } } } } ${FRAGMENT}`
const COUNT_QUERY = `query RunCount($project: String!, $entity: String!, $filters: JSONString) {
  project(name: $project, entityName: $entity) { runCount(filters: $filters) } }`

const FILTERS = JSON.stringify({
  $and: [{ 'config.optimizer': 'adam' }, { 'summary_metrics.loss': { $lt: 0.5 } }],
})
const ORDER = '-summary_metrics.acc'
const REGEX = JSON.stringify({ displayName: { $regex: '^run-9\\d*7$' } })
let unique = 0
const uniqueFilter = () =>
  JSON.stringify({
    $and: [{ 'config.optimizer': 'adam' }, { 'summary_metrics.loss': { $lt: 0.5 + ++unique * 1e-9 } }],
  })

function makeRuns(count: number) {
  const rand = createPrng(7)
  return Array.from({ length: count }, (_, i) => {
    const config: Record<string, unknown> = {
      lr: Number((10 ** (-4 + rand() * 3)).toPrecision(3)),
      batch_size: pick(rand, [16, 32, 64, 128, 256]),
      optimizer: pick(rand, ['adam', 'sgd', 'adamw']),
      model: pick(rand, ['resnet18', 'resnet50', 'vit-b16', 'mlp']),
    }
    for (let k = Object.keys(config).length; k < 20; k++) config[`param_${k}`] = Number(rand().toFixed(4))
    const summary: Record<string, unknown> = {
      loss: Number(rand().toFixed(5)),
      acc: Number(rand().toFixed(5)),
    }
    for (let k = 2; k < 20; k++) summary[`metric_${k}`] = Number((rand() * 100).toFixed(3))
    return {
      name: `run${String(i).padStart(6, '0')}`,
      displayName: `run-${i}`,
      state: pick(rand, ['finished', 'finished', 'finished', 'crashed', 'failed']),
      config,
      summary,
      tags: rand() < 0.1 ? ['best'] : [],
      group: `g${i % 50}`,
      jobType: 'train',
    }
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

async function main(): Promise<void> {
  const srv = await startServer()
  const auth = `Basic ${Buffer.from(`api:${srv.apiKey}`).toString('base64')}`
  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await res.json()) as { data: any; errors?: unknown }
    if (body.errors) throw new Error(JSON.stringify(body.errors))
    return body.data
  }
  const base = { project: PROJECT, entity: srv.entity }

  let t = performance.now()
  const runs = makeRuns(RUNS)
  for (let i = 0; i < runs.length; i += 10_000)
    srv.bulkInsertRuns(srv.entity, PROJECT, runs.slice(i, i + 10_000))
  runs.length = 0
  console.log(
    `setup: ${RUNS} runs × (20 config + 20 summary keys) bulk-inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  )

  // The first filtered query creates the adaptive expression indexes; report it apart.
  t = performance.now()
  const first = await post(RUNS_QUERY, { ...base, filters: FILTERS, order: ORDER })
  console.log(`first filtered query (creates adaptive indexes): ${(performance.now() - t).toFixed(0)} ms`)
  const cursor = first.project.runs.pageInfo.endCursor as string
  const matching = (await post(COUNT_QUERY, { ...base, filters: FILTERS })).project.runCount as number
  console.log(`filter ${FILTERS} order ${ORDER}: ${matching} of ${RUNS} runs match`)

  const cases: [string, () => Promise<unknown>][] = [
    ['baseline: +created_at page of 50', () => post(RUNS_QUERY, base)],
    ['filtered, ordered page of 50', () => post(RUNS_QUERY, { ...base, filters: FILTERS, order: ORDER })],
    [
      'filtered, ordered 2nd page',
      () => post(RUNS_QUERY, { ...base, filters: FILTERS, order: ORDER, cursor }),
    ],
    ['filtered, default order page of 50', () => post(RUNS_QUERY, { ...base, filters: FILTERS })],
    ['regex filter, -name page of 50', () => post(RUNS_QUERY, { ...base, filters: REGEX, order: '-name' })],
    // A different threshold each time defeats the server's count cache (valid until a write).
    ['runCount (filtered, uncached)', () => post(COUNT_QUERY, { ...base, filters: uniqueFilter() })],
    ['runCount (filtered, cached)', () => post(COUNT_QUERY, { ...base, filters: FILTERS })],
    ['runCount (unfiltered, cached)', () => post(COUNT_QUERY, base)],
  ]
  const results: { name: string; p50: number; p95: number }[] = []
  for (const [name, run] of cases) {
    for (let i = 0; i < 10; i++) await run() // warm-up
    const times: number[] = []
    for (let i = 0; i < ITERATIONS; i++) {
      const start = performance.now()
      await run()
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    results.push({ name, p50: percentile(times, 50), p95: percentile(times, 95) })
  }
  const baseline = results[0] as { p50: number }
  console.log(
    `\n${'case'.padEnd(38)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p50 / baseline'.padStart(15)}`,
  )
  for (const r of results) {
    console.log(
      `${r.name.padEnd(38)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${(r.p50 / baseline.p50).toFixed(2).padStart(15)}`,
    )
  }
  const page = results[1] as { p50: number }
  console.log(
    `\ntarget filtered page p50 ≤ 20 ms: ${page.p50 <= 20 ? 'met' : 'NOT met'} (${page.p50.toFixed(2)} ms)`,
  )
  await srv.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

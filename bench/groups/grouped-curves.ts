/**
 * Grouped curves (issue 15): `query.curves()` over 100 finished runs grouped by optimizer, from
 * sampled history (one `sampledHistory` request of 1000 rows per run) against full history (every
 * row, from the runs' Parquet exports), time and requests; and the full-history curves against a
 * plain scan of the same rows, 8 runs at a time as `curves()` reads them (what grouping and
 * bucketing add). Runs hold `rows / 100` rows each (10k with the default 1M). Modes run
 * interleaved, two rounds, so load from other processes hits each alike; each keeps its best.
 */
import { lastValueFrom, reduce } from 'rxjs'
import { Api } from '../../src/api/api.js'
import type { CurveSet } from '../../src/curves/curve-set.js'
import { scanHistories } from '../../src/streams/scan-histories.js'
import type { BenchContext, BenchGroup, BenchRow } from '../bench-row.js'
import { seedRuns } from '../support/seed-runs.js'
import { waitForExport } from '../support/wait-for-export.js'

const RUNS = 100
const PROJECT = 'bench-curves'
const ROUNDS = 2

interface Measured {
  readonly seconds: number
  readonly requests: number
  readonly set?: CurveSet
}

export const groupedCurves: BenchGroup = {
  title: 'grouped curves: sampled vs full history',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const rows = Math.max(10, Math.floor(ctx.rows / RUNS))
    const seeded = await seedRuns(ctx.server, { project: PROJECT, runs: RUNS, rows })
    console.error(`curves: seeded ${RUNS} runs × ${rows.toLocaleString('en')} rows in ${seeded.toFixed(1)} s`)
    const t0 = performance.now()
    for (let i = 0; i < RUNS; i++)
      await waitForExport(ctx.server, `${ctx.server.entity}/${PROJECT}/run-${String(i).padStart(3, '0')}`)
    console.error(`curves: exports ready after ${((performance.now() - t0) / 1000).toFixed(1)} s more`)

    const client = () => new Api({ baseUrl: ctx.server.url, apiKey: ctx.server.apiKey, historyCache: false })
    const timed = async (work: (api: Api) => Promise<CurveSet | number>): Promise<Measured> => {
      const api = client()
      const started = performance.now()
      const result = await work(api)
      const seconds = (performance.now() - started) / 1000
      return {
        seconds,
        requests: api.stats().requests,
        ...(typeof result === 'number' ? {} : { set: result }),
      }
    }
    const curves = (source: 'sampled' | 'full') =>
      timed((api) =>
        lastValueFrom(
          api
            .runs(`${ctx.server.entity}/${PROJECT}`)
            .curves({ key: 'loss', groupBy: 'config.optimizer', source }),
        ),
      )
    const scan = () =>
      timed((api) =>
        lastValueFrom(
          scanHistories(api, api.runs(`${ctx.server.entity}/${PROJECT}`), {
            keys: ['loss'],
            runConcurrency: 8,
          }).pipe(reduce((n) => n + 1, 0)),
        ),
      )
    const modes = { sampled: () => curves('sampled'), full: () => curves('full'), scan }
    const best: Partial<Record<keyof typeof modes, Measured>> = {}
    for (let round = 0; round < ROUNDS; round++)
      for (const [name, measure] of Object.entries(modes) as [
        keyof typeof modes,
        () => Promise<Measured>,
      ][]) {
        const m = await measure()
        if (!best[name] || m.seconds < best[name].seconds) best[name] = m
      }
    const { sampled, full, scan: plain } = best as Required<typeof best>
    const gap = largestGap(sampled.set, full.set)
    const fmt = (m: Measured) => `${m.seconds.toFixed(2)} s, ${m.requests.toLocaleString('en')} requests`
    const size = `${RUNS} runs × ${rows.toLocaleString('en')} rows`
    return [
      {
        name: `query.curves() sampled (1000 rows/run) vs full history, ${size}: speed-up`,
        value: `${fmt(sampled)}; mean off by ≤ ${gap.toFixed(4)} of the loss range`,
        baseline: `${fmt(full)} (full, Parquet)`,
        ratio: full.seconds / sampled.seconds,
      },
      {
        name: `query.curves() full history vs a plain scanHistories of the same rows, ${size}`,
        value: fmt(full),
        baseline: `${fmt(plain)} (scan only)`,
        ratio: full.seconds / plain.seconds,
      },
    ]
  },
}

/** The largest |sampled mean − full mean| over matching points, as a fraction of full's range. */
function largestGap(sampled: CurveSet | undefined, full: CurveSet | undefined): number {
  if (!sampled || !full) return NaN
  let gap = 0
  let lo = Infinity
  let hi = -Infinity
  full.groups.forEach((group, g) => {
    const other = new Map(sampled.groups[g]?.points.map((p) => [p.x0, p.mean]))
    for (const p of group.points) {
      lo = Math.min(lo, p.mean)
      hi = Math.max(hi, p.mean)
      const mean = other.get(p.x0)
      if (mean !== undefined) gap = Math.max(gap, Math.abs(mean - p.mean))
    }
  })
  return gap / (hi - lo)
}

/**
 * scanHistory with 20 ms injected latency per history request (issue 13): the defaults (adaptive
 * concurrency) against a sequential pager (concurrency 1, what Python does) and against the best
 * of several fixed concurrencies, all on the same 200 windows, interleaved round after round so
 * load from other processes hits every mode alike; each mode keeps its best round.
 */
import { lastValueFrom, reduce } from 'rxjs'
import { Api } from '../../src/api/api.js'
import type { BenchContext, BenchGroup, BenchRow } from '../bench-row.js'

const WINDOWS = 200
const FIXED = [4, 8, 16, 32]
const ROUNDS = 3

export const scanLatency: BenchGroup = {
  title: 'scanHistory with 20 ms latency',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const maxStep = Math.min(ctx.rows, WINDOWS * 1000)
    const scan = async (concurrency?: number) => {
      const api = new Api({ baseUrl: ctx.server.url, apiKey: ctx.server.apiKey })
      const t0 = performance.now()
      const options = {
        maxStep,
        source: 'graphql' as const,
        ...(concurrency === undefined ? {} : { concurrency }),
      }
      const rows = await lastValueFrom(
        api
          .run(ctx.runPath)
          .scanHistory(options)
          .pipe(reduce((n) => n + 1, 0)),
      )
      if (rows !== maxStep) throw new Error(`scanned ${rows} rows, expected ${maxStep}`)
      return { rate: rows / ((performance.now() - t0) / 1000), settled: api.stats().concurrency }
    }
    const modes: Record<string, number | undefined> = { defaults: undefined, sequential: 1 }
    for (const c of FIXED) modes[`fixed ${c}`] = c
    const best: Record<string, { rate: number; settled: number }> = {}
    await ctx.server.setFaults({ operations: ['RunHistory'], latencyMs: 20 })
    try {
      await scan() // warm up
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, concurrency] of Object.entries(modes)) {
          const result = await scan(concurrency)
          if (!best[name] || result.rate > best[name].rate) best[name] = result
        }
      }
    } finally {
      await ctx.server.setFaults(null)
    }
    const rate = (name: string) => best[name]?.rate ?? NaN
    const rows = (r: number) => `${Math.round(r).toLocaleString('en')} rows/s`
    const [bestFixed] = FIXED.map((c) => `fixed ${c}`).sort((a, b) => rate(b) - rate(a))
    const ofBest = rate('defaults') / rate(bestFixed!)
    const ofSequential = rate('defaults') / rate('sequential')
    const settled = `settled at ${best['defaults']?.settled}`
    return [
      {
        name: `scanHistory defaults (adaptive, ${settled}) vs sequential pager, 20 ms latency`,
        value: rows(rate('defaults')),
        baseline: `${rows(rate('sequential'))} (concurrency 1)`,
        ratio: ofSequential,
        target: '≥ 5×',
        met: ofSequential >= 5,
      },
      {
        name: 'scanHistory defaults vs best fixed concurrency, 20 ms latency',
        value: rows(rate('defaults')),
        baseline: `${rows(rate(bestFixed!))} (${bestFixed}; ${FIXED.map((c) => `${c}: ${(rate(`fixed ${c}`) / rate('sequential')).toFixed(1)}×`).join(', ')} of sequential)`,
        ratio: ofBest,
        target: '≥ 0.9×',
        met: ofBest >= 0.9,
      },
    ]
  },
}

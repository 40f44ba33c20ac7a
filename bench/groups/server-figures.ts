/**
 * The local server's own figures: a filtered, ordered page of 50 out of 100k runs against an
 * unfiltered page (from `bench/server-runs.ts`, run as a child), and one 1000-step history window
 * of the seeded run against a 1-step window, p50 over 50 requests each.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { BenchContext, BenchGroup, BenchRow } from '../bench-row.js'

const SERVER_RUNS = fileURLToPath(new URL('../server-runs.ts', import.meta.url))
const HISTORY = `query RunHistory($entity: String!, $project: String!, $name: String!, $samples: Int, $minStep: Int64, $maxStep: Int64) {
  project(name: $project, entityName: $entity) { run(name: $name) { history(samples: $samples, minStep: $minStep, maxStep: $maxStep) } } }`

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

export const serverFigures: BenchGroup = {
  title: 'local server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', SERVER_RUNS, '100000', '100'],
      {
        maxBuffer: 1 << 20,
      },
    )
    const figure = (label: string) => {
      const line = stdout.split('\n').find((l) => l.startsWith(label))
      const [p50ms] = (line ?? '').slice(label.length).trim().split(/\s+/).map(Number)
      return p50ms ?? NaN
    }
    const filtered = figure('filtered, ordered page of 50')
    const unfiltered = figure('baseline: +created_at page of 50')

    const [entity, project, name] = ctx.runPath.split('/')
    const window = async (width: number) => {
      const times: number[] = []
      for (let i = 0; i < 50; i++) {
        const minStep = (i * 7919) % Math.max(1, ctx.rows - width)
        const t0 = performance.now()
        const res = await fetch(`${ctx.server.url}/graphql`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${btoa(`api:${ctx.server.apiKey}`)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            query: HISTORY,
            variables: { entity, project, name, minStep, maxStep: minStep + width, samples: width },
          }),
        })
        await res.text()
        times.push(performance.now() - t0)
      }
      return p50(times)
    }
    await window(1000) // warm up
    const wide = await window(1000)
    const narrow = await window(1)
    return [
      {
        name: 'server: filtered, ordered page of 50 out of 100k runs (p50)',
        value: `${filtered.toFixed(2)} ms`,
        baseline: `${unfiltered.toFixed(2)} ms (unfiltered page)`,
        ratio: filtered / unfiltered,
        target: '≤ 20 ms',
        met: filtered <= 20,
      },
      {
        name: 'server: one 1000-step history window, 13 keys (p50)',
        value: `${wide.toFixed(2)} ms`,
        baseline: `${narrow.toFixed(2)} ms (1-step window)`,
        ratio: wide / narrow,
      },
    ]
  },
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from 'wandb-rx-server'
import type { CliIo } from '../../src/cli/cli-io.js'
import { runCli } from '../../src/cli/run-cli.js'
import { parseExtendedJson } from '../../src/internal/extended-json.js'
import { parseCsv } from '../exports/parse-csv.js'
import { pathPoints, svgElements } from '../exports/svg-elements.js'
import { logRun } from '../support/local-run-writer.js'

const PROJECT = 'agg-cli'
const STEPS = 20

/** Six runs: loss = scale / (step + 1); three adam, two sgd, one without an optimizer. */
const RUNS = [
  { name: 'a1', optimizer: 'adam', lr: 0.1, scale: 1, loss: 0.2 },
  { name: 'a2', optimizer: 'adam', lr: 0.01, scale: 2, loss: 0.5 },
  { name: 'a3', optimizer: 'adam', lr: 0.001, scale: 3, loss: 0.9 },
  { name: 's1', optimizer: 'sgd', lr: 0.1, scale: 4, loss: 1.2 },
  { name: 's2', optimizer: 'sgd', lr: 1, scale: 6, loss: 2 },
  { name: 'n1', optimizer: undefined, lr: 1, scale: 10, loss: 3 },
] as const

let server: Awaited<ReturnType<typeof startServer>>
let dir: string
beforeAll(async () => {
  server = await startServer({ port: 0, seed: false })
  dir = mkdtempSync(join(tmpdir(), 'wandb-rx-cli-agg-'))
  for (const run of RUNS)
    await logRun(server, {
      project: PROJECT,
      name: run.name,
      config: { lr: run.lr, ...(run.optimizer ? { optimizer: run.optimizer } : {}) },
      rows: Array.from({ length: STEPS }, (_, step) => ({ _step: step, loss: run.scale / (step + 1) })),
      summary: { loss: run.loss },
      exitcode: run.name === 's2' ? 1 : 0,
    })
}, 60_000)
afterAll(async () => {
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Runs `wandb-rx` in-process against the local server. */
async function cli(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  }
  const code = await runCli(['--base-url', server.url, '--api-key', server.apiKey, ...args], io)
  return { code, stdout, stderr }
}
const project = () => `${server.entity}/${PROJECT}`
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length
const lossesOf = (optimizer: string | undefined) =>
  RUNS.filter((r) => r.optimizer === optimizer).map((r) => r.loss)

describe('wandb-rx runs --group-by / --agg / --pipeline', () => {
  const agg = [
    '--group-by',
    'config.optimizer',
    '--agg',
    'best=min(summary.loss),avg=mean(summary.loss),n=count()',
  ]

  it('prints one row per group, group column first, with the values of the logged runs', async () => {
    const json = await cli('runs', project(), ...agg, '--format', 'json')
    expect(json.code, json.stderr).toBe(0)
    expect(parseExtendedJson(json.stdout)).toEqual(
      [undefined, 'adam', 'sgd'].map((optimizer) => ({
        'config.optimizer': optimizer ?? null,
        best: Math.min(...lossesOf(optimizer)),
        avg: expect.closeTo(mean(lossesOf(optimizer)), 12),
        n: lossesOf(optimizer).length,
      })),
    )
  })

  it('writes the same groups as csv and as an aligned table', async () => {
    const csv = await cli('runs', project(), ...agg, '--format', 'csv')
    expect(csv.code, csv.stderr).toBe(0)
    const [header, ...rows] = parseCsv(csv.stdout)
    expect(header).toEqual(['config.optimizer', 'best', 'avg', 'n'])
    expect(rows.map((row) => [row[0], Number(row[1]), Number(row[3])])).toEqual([
      ['', 3, 1],
      ['adam', 0.2, 3],
      ['sgd', 1.2, 2],
    ])
    const table = await cli('runs', project(), ...agg)
    const lines = table.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^config\.optimizer +best +avg +n$/)
    expect(lines[3]!.split(/\s+/)).toEqual([
      'adam',
      '0.2',
      String(Number(mean(lossesOf('adam')).toPrecision(6))),
      '3',
    ])
  })

  it('groups by several paths (comma-separated or repeated) within a --where filter', async () => {
    const where = [
      '--where',
      '{"state":"finished"}',
      '--agg',
      'n=count(),worst=max(summary.loss)',
      '-f',
      'json',
    ]
    const repeated = await cli('runs', project(), ...where, '-g', 'config.optimizer', '-g', 'config.lr')
    expect(repeated.code, repeated.stderr).toBe(0)
    const rows = parseExtendedJson(repeated.stdout) as Record<string, unknown>[]
    const finished = RUNS.filter((r) => r.name !== 's2')
    expect(rows.map((r) => [r['config.optimizer'], r['config.lr'], r['n'], r['worst']])).toEqual(
      [...finished]
        .sort((a, b) => (a.optimizer ?? '').localeCompare(b.optimizer ?? '') || a.lr - b.lr)
        .map((r) => [r.optimizer ?? null, r.lr, 1, r.loss]),
    )
    const commas = await cli('runs', project(), ...where, '--group-by', 'config.optimizer,config.lr')
    expect(commas.stdout).toBe(repeated.stdout)
  })

  it('runs a --pipeline as given, and explains the aggregation', async () => {
    const pipeline = [
      { $match: { 'config.optimizer': { $in: ['adam', 'sgd'] } } },
      { $group: { _id: '$state', n: { $sum: 1 }, lr: { $max: '$config.lr' } } },
      { $sort: { _id: 1 } },
    ]
    const result = await cli('runs', project(), '--pipeline', JSON.stringify(pipeline), '--format', 'json')
    expect(result.code, result.stderr).toBe(0)
    expect(parseExtendedJson(result.stdout)).toEqual([
      { _id: 'failed', n: 1, lr: 1 },
      { _id: 'finished', n: 4, lr: 0.1 },
    ])
    const explain = await cli('runs', project(), ...agg, '--explain')
    expect(explain.code, explain.stderr).toBe(0)
    expect(explain.stdout).toContain('$group')
  })

  it.each([
    [
      ['--agg', 'best=minimum(summary.loss)'],
      /--agg: "best=minimum\(summary.loss\)": unknown function minimum/,
    ],
    [['--pipeline', '{"$group":{}}'], /--pipeline: expected a JSON array of stages/],
    [['--pipeline', '[]', '--group-by', 'group'], /--pipeline cannot be combined/],
    [
      ['--pipeline', '[{"$group":{"_id":null,"x":{"$function":{}}}}]'],
      /FilterCompileError: .*pipeline\.0\.\$group\.x\.\$function/,
    ],
  ])('exits 2 on %j with one line naming the bad part', async (args, message) => {
    const result = await cli('runs', project(), ...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stdout).toBe('')
  })
})

describe('wandb-rx plot --group-by', () => {
  /** `wandb-rx plot <project> --key loss` with `flags`. */
  const plotLoss = (...flags: string[]) => cli('plot', project(), '--key', 'loss', ...flags)
  /** The legend's entries (the left-anchored labels). */
  const legendOf = (svg: string) =>
    svgElements(svg, 'text')
      .filter((t) => t.attrs['text-anchor'] === 'start')
      .map((t) => t.text)
  /** The inverse of the chart's y scale, from two of its y tick labels (text y = screen y + 4). */
  const yScale = (svg: string) => {
    const ticks = svgElements(svg, 'text')
      .filter((t) => t.attrs['text-anchor'] === 'end')
      .map((t) => ({ value: Number(t.text), y: Number(t.attrs['y']) - 4 }))
    const [a, b] = [ticks[0]!, ticks.at(-1)!]
    return {
      toValue: (y: number) => a.value + ((y - a.y) / (b.y - a.y)) * (b.value - a.value),
      unit: Math.abs((b.value - a.value) / (b.y - a.y)),
    }
  }

  it('draws the mean curve and min–max band per group, with run counts in the legend', async () => {
    const out = join(dir, 'groups.svg')
    const result = await plotLoss('--group-by', 'config.optimizer', '--buckets', '10', '--out', out)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe(`wrote ${out} (3 groups, 6 runs)\n`)
    const svg = readFileSync(out, 'utf8')
    expect(legendOf(svg)).toEqual(['(none) 1 run', 'adam 3 runs', 'sgd 2 runs'])
    const paths = svgElements(svg, 'path')
    const bands = paths.filter((p) => p.attrs['class'] === 'band')
    const lines = paths.filter((p) => p.attrs['class'] !== 'band')
    expect(bands).toHaveLength(3)
    expect(lines).toHaveLength(3)
    // 20 steps in 10 buckets of 2: each run's first bucket value is its mean over steps 0 and 1.
    const firstBucket = (optimizer: string) =>
      RUNS.filter((r) => r.optimizer === optimizer).map((r) => (r.scale + r.scale / 2) / 2)
    const { toValue, unit } = yScale(svg)
    const adamLine = pathPoints(lines[1]!.attrs['d']!)
    expect(adamLine).toHaveLength(10)
    expect(Math.abs(toValue(adamLine[0]!.y) - mean(firstBucket('adam')))).toBeLessThan(unit)
    const adamBand = pathPoints(bands[1]!.attrs['d']!)
    expect(Math.abs(toValue(adamBand[0]!.y) - Math.max(...firstBucket('adam')))).toBeLessThan(unit)
    expect(Math.abs(toValue(adamBand.at(-1)!.y) - Math.min(...firstBucket('adam')))).toBeLessThan(unit)
  })

  it('draws ±std bands, filters with --where, and writes PNG', async () => {
    const result = await plotLoss(
      '-g',
      'config.optimizer',
      '--where',
      '{"config.optimizer":"adam"}',
      '--band',
      'std',
      '--buckets',
      '10',
    )
    expect(result.code, result.stderr).toBe(0)
    const svg = result.stdout
    expect(legendOf(svg)).toEqual(['adam 3 runs'])
    const values = RUNS.filter((r) => r.optimizer === 'adam').map((r) => (r.scale + r.scale / 2) / 2)
    const std = Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)))
    const { toValue, unit } = yScale(svg)
    const band = pathPoints(svgElements(svg, 'path').find((p) => p.attrs['class'] === 'band')!.attrs['d']!)
    expect(Math.abs(toValue(band[0]!.y) - (mean(values) + std))).toBeLessThan(unit)
    expect(Math.abs(toValue(band.at(-1)!.y) - (mean(values) - std))).toBeLessThan(unit)
    const png = join(dir, 'groups.png')
    const written = await plotLoss('-g', 'config.optimizer', '--out', png, '--quiet')
    expect(written.code, written.stderr).toBe(0)
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
  })

  it('reads full history with --all: the same curves, as these runs have fewer rows than a sample', async () => {
    const flags = ['-g', 'config.optimizer', '--buckets', '10']
    const [sampled, full] = await Promise.all([plotLoss(...flags), plotLoss(...flags, '--all')])
    expect(full.code, full.stderr).toBe(0)
    expect(svgElements(full.stdout, 'path')).toHaveLength(6)
    expect(full.stdout).toBe(sampled.stdout)
  })

  it('keeps the per-run form and rejects group options without --group-by', async () => {
    const single = await cli('plot', `${project()}/a1`, '--key', 'loss')
    expect(single.code, single.stderr).toBe(0)
    expect(svgElements(single.stdout, 'path').filter((p) => p.attrs['class'] === 'band')).toHaveLength(0)
    const bad = await cli('plot', `${project()}/a1`, '--key', 'loss', '--band', 'std')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--band needs --group-by/)
    const two = await cli('plot', project(), `${project()}/a1`, '--key', 'loss', '-g', 'group')
    expect(two.code).toBe(2)
    expect(two.stderr).toMatch(/with --group-by, plot takes one entity\/project path/)
  })
})

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExtendedJson } from '../../src/internal/extended-json.js'
import { parseCsv } from '../exports/parse-csv.js'
import { rowsOfA, startFixture } from './cli-fixture.js'
import { runCliProcess } from './cli-process.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
let dir: string
beforeAll(async () => {
  fixture = await startFixture()
  dir = mkdtempSync(join(tmpdir(), 'wandb-rx-cli-'))
})
afterAll(async () => {
  await fixture.server.close()
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...args: string[]) => runCliProcess([...fixture.base, ...args], fixture.env)

/** The logged rows of r-a, flattened as every export writes them. */
const expected = rowsOfA().map(({ eval: e, ...row }) => ({
  ...row,
  'eval.loss': (e as { loss: number }).loss,
}))

/** A CSV cell back to the value it was written from. */
const fromCell = (cell: string): unknown =>
  cell === '' ? null : /^-?(\d|Infinity|NaN)/.test(cell) ? Number(cell) : cell

describe('wandb-rx history', () => {
  it('writes every row as CSV, JSONL and Parquet, and the three read back to the logged rows', async () => {
    const path = `${fixture.project}/r-a`
    const csv = await cli('history', path)
    const jsonl = await cli('history', path, '--format', 'jsonl')
    const parquetFile = join(dir, 'a.parquet')
    const parquet = await cli('history', path, '--out', parquetFile)
    for (const result of [csv, jsonl, parquet]) expect(result.code, result.stderr).toBe(0)
    expect(parquet.stderr).toContain(`wrote 300 rows to ${parquetFile}`)

    const [header, ...cells] = parseCsv(csv.stdout)
    const fromCsv = cells.map((line) =>
      Object.fromEntries(line.map((cell, i) => [header![i]!, fromCell(cell)])),
    )
    const fromJsonl = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => parseExtendedJson(line))
    const fromParquet = await parquetReadObjects({ file: await asyncBufferFromFile(parquetFile) })

    expect(header).toEqual(['_step', '_runtime', '_timestamp', 'eval.loss', 'loss', 'phase'])
    expect(fromJsonl).toEqual(expected)
    expect(fromCsv).toEqual(expected)
    expect(fromParquet).toHaveLength(expected.length)
    fromParquet.forEach((row, i) => expect(row).toEqual(expected[i]))
    expect(fromParquet.slice(7, 10).map((r) => r['loss'])).toEqual([NaN, Infinity, -Infinity])
  })

  it('restricts keys and steps, and samples on request', async () => {
    const path = `${fixture.project}/r-a`
    const window = await cli('history', path, '--keys', 'loss', '--min-step', '10', '--max-step', '15')
    expect(window.code, window.stderr).toBe(0)
    expect(window.stdout).toBe(
      '_step,loss\n10,0.18181818181818182\n11,0.16666666666666666\n12,0.15384615384615385\n13,0.14285714285714285\n14,0.13333333333333333\n',
    )
    const sampled = await cli('history', path, '--samples', '20', '--format', 'jsonl', '--nan', 'null')
    expect(sampled.code, sampled.stderr).toBe(0)
    const rows = sampled.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.length).toBeLessThanOrEqual(20)
  })
})

describe('wandb-rx plot', () => {
  it('writes an SVG with one legend entry per run, to a file or stdout', async () => {
    const file = join(dir, 'loss.svg')
    const result = await cli(
      'plot',
      `${fixture.project}/r-a`,
      `${fixture.project}/r-b`,
      '--key',
      'loss',
      '--out',
      file,
    )
    expect(result.code, result.stderr).toBe(0)
    const svg = readFileSync(file, 'utf8')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('>r-a</text>')
    expect(svg).toContain('>r-b</text>')
    const stdout = await cli('plot', `${fixture.project}/r-b`, '--key', 'loss', '--all')
    expect(stdout.code, stdout.stderr).toBe(0)
    expect(stdout.stdout).toContain('</svg>')
  })

  it('renders the chart to PNG when --out ends in .png', async () => {
    const file = join(dir, 'loss.png')
    const result = await cli('plot', `${fixture.project}/r-a`, '--key', 'loss', '--out', file)
    expect(result.code, result.stderr).toBe(0)
    const png = readFileSync(file)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.toString('latin1', 12, 16)).toBe('IHDR')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 450]) // the SVG's size
  })
})

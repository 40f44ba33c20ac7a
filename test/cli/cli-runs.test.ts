import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExtendedJson } from '../../src/internal/extended-json.js'
import { parseCsv } from '../exports/parse-csv.js'
import { startFixture } from './cli-fixture.js'
import { runCliProcess } from './cli-process.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
beforeAll(async () => void (fixture = await startFixture()))
afterAll(() => fixture.server.close())

const cli = (...args: string[]) => runCliProcess([...fixture.base, ...args], fixture.env)

describe('wandb-rx runs', () => {
  const query = ['--where', '{"config.opt.name":"adam"}', '--order', '+summary.loss']

  it('prints the same runs as json, jsonl and csv', async () => {
    const [json, jsonl, csv] = await Promise.all([
      cli('runs', fixture.project, ...query, '--format', 'json'),
      cli('runs', fixture.project, ...query, '--format', 'jsonl'),
      cli('runs', fixture.project, ...query, '--format', 'csv'),
    ])
    for (const result of [json, jsonl, csv]) expect(result.code, result.stderr).toBe(0)
    const fromJson = parseExtendedJson(json.stdout) as Record<string, unknown>[]
    expect(fromJson.map((r) => r['id'])).toEqual(['r-a', 'r-b'])
    expect(fromJson[0]).toMatchObject({
      name: 'r-a',
      state: 'finished',
      'config.lr': 0.1,
      'config.opt.name': 'adam',
      'summary.loss': 0.2,
      'summary.acc': 0.9,
    })
    const fromJsonl = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => parseExtendedJson(line))
    expect(fromJsonl).toEqual(fromJson)
    const [header, ...cells] = parseCsv(csv.stdout)
    expect(header).toEqual(Object.keys(fromJson[0]!))
    expect(cells.map((line) => line[0])).toEqual(['r-a', 'r-b'])
    expect(cells[1]![header!.indexOf('summary.loss')]).toBe('0.5')
  }, 120_000)

  it('prints a table with the order key, honours --columns and --limit, and explains the plan', async () => {
    const table = await cli('runs', fixture.project, '--order', '-summary.acc', '--limit', '2')
    expect(table.code, table.stderr).toBe(0)
    const lines = table.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^id +name +state +createdAt +summary\.acc$/)
    expect(lines.slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['r-a', 'r-b'])
    const columns = await cli(
      'runs',
      fixture.project,
      '--columns',
      'id,state',
      '--format',
      'csv',
      '--where',
      '{"state":"failed"}',
    )
    expect(columns.stdout).toBe('id,state\nr-c,failed\n')
    const explain = await cli('runs', fixture.project, '--where', '{"summary.loss":{"$lt":0.3}}', '--explain')
    expect(explain.code, explain.stderr).toBe(0)
    expect(explain.stdout).toContain('summary_metrics.loss')
    const byId = await cli('runs', fixture.project, '--order', '-id', '--format', 'csv', '--columns', 'id')
    expect(byId.stdout, byId.stderr).toBe('id\nr-c\nr-b\nr-a\n')
  }, 120_000)
})

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import { parseCsv } from './parse-csv.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvSink } from '../../src/exports/csv-sink.js'
import { jsonlSink } from '../../src/exports/jsonl-sink.js'
import { parquetSink } from '../../src/exports/parquet-sink.js'
import { fileTarget } from '../../src/exports/text-target.js'
import { parseExtendedJson } from '../../src/internal/extended-json.js'

const rows = [
  { _step: 0, _runtime: 0.5, loss: 1.5, eval: { loss: 2, acc: 0.1 }, tag: 'a' },
  { _step: 1, _runtime: 1, loss: NaN, eval: { loss: Infinity }, flag: true },
  { _step: 2, _runtime: 1.5, loss: -Infinity, hist: [1, 2, 3], mixed: 'x' },
  { _step: 3, _runtime: 2, loss: 0.25, mixed: 4, nothing: null },
]

let dir: string
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'wandb-rx-sinks-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function writeAll(
  sink: { write(r: object): void; close(): Promise<void> },
  items: readonly Record<string, unknown>[] = rows,
) {
  for (const row of items) sink.write(row as Record<string, unknown>)
  await sink.close()
}

describe('csvSink', () => {
  it('discovers columns, flattens with dots and writes non-finite numbers as text', async () => {
    const path = join(dir, 'h.csv')
    await writeAll(csvSink(fileTarget(path)))
    const [header, ...body] = parseCsv(readFileSync(path, 'utf8')) as string[][]
    expect(header).toEqual([
      '_step',
      '_runtime',
      'eval.acc',
      'eval.loss',
      'flag',
      'hist',
      'loss',
      'mixed',
      'nothing',
      'tag',
    ])
    expect(body.map((r) => r[6])).toEqual(['1.5', 'NaN', '-Infinity', '0.25'])
    expect(body[1]?.[3]).toBe('Infinity')
    expect(body[2]?.[5]).toBe('[1,2,3]')
    expect(body[3]?.[8]).toBe('')
  })

  it('streams with known columns and drops the others', async () => {
    const path = join(dir, 'k.csv')
    await writeAll(csvSink(fileTarget(path), { columns: ['_step', 'eval.loss'] }))
    expect(readFileSync(path, 'utf8')).toBe('_step,eval.loss\n0,2\n1,Infinity\n2,\n3,\n')
  })

  it('quotes commas, quotes and newlines', async () => {
    const path = join(dir, 'q.csv')
    await writeAll(csvSink(fileTarget(path)), [{ _step: 0, note: 'a,"b"\nc' }])
    expect(parseCsv(readFileSync(path, 'utf8'))).toEqual([
      ['_step', 'note'],
      ['0', 'a,"b"\nc'],
    ])
  })
})

describe('jsonlSink', () => {
  it('writes extended JSON by default, flattened', async () => {
    const path = join(dir, 'h.jsonl')
    await writeAll(jsonlSink(fileTarget(path)))
    const lines = readFileSync(path, 'utf8').trim().split('\n')
    expect(lines[1]).toBe('{"_step":1,"_runtime":1,"loss":NaN,"eval.loss":Infinity,"flag":true}')
    expect(lines.map((l) => parseExtendedJson(l))).toEqual([
      { _step: 0, _runtime: 0.5, loss: 1.5, 'eval.loss': 2, 'eval.acc': 0.1, tag: 'a' },
      { _step: 1, _runtime: 1, loss: NaN, 'eval.loss': Infinity, flag: true },
      { _step: 2, _runtime: 1.5, loss: -Infinity, hist: [1, 2, 3], mixed: 'x' },
      { _step: 3, _runtime: 2, loss: 0.25, mixed: 4, nothing: null },
    ])
  })

  it('writes strict JSON with nonFinite: null', async () => {
    const path = join(dir, 's.jsonl')
    await writeAll(jsonlSink(fileTarget(path), { nonFinite: 'null' }))
    const parsed = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(parsed[1]).toEqual({ _step: 1, _runtime: 1, loss: null, 'eval.loss': null, flag: true })
  })
})

describe('parquetSink', () => {
  it('round-trips through an independent reader (hyparquet), across row groups', async () => {
    const path = join(dir, 'h.parquet')
    const sink = parquetSink(path, { rowGroupSize: 3 })
    await writeAll(sink)
    expect(sink.rowCount).toBe(4)
    const file = await asyncBufferFromFile(path)
    const metadata = await parquetMetadataAsync(file)
    expect(metadata.row_groups).toHaveLength(2)
    const read = await parquetReadObjects({ file })
    expect(read).toHaveLength(4)
    expect(read.map((r) => r['loss'])).toEqual([1.5, NaN, -Infinity, 0.25])
    expect(read.map((r) => r['eval.loss'])).toEqual([2, Infinity, null, null])
    expect(read.map((r) => r['flag'])).toEqual([null, true, null, null])
    expect(read.map((r) => r['hist'])).toEqual([null, null, '[1,2,3]', null])
    expect(read.map((r) => r['mixed'])).toEqual([null, null, 'x', '4'])
    expect(read.map((r) => r['_step'])).toEqual([0, 1, 2, 3])
  })

  it('writes a valid file with no rows', async () => {
    const path = join(dir, 'empty.parquet')
    await writeAll(parquetSink(path), [])
    const file = await asyncBufferFromFile(path)
    expect(await parquetReadObjects({ file })).toEqual([])
  })
})

import { parquetMetadata, type FileMetaData } from 'hyparquet'
import { describe, expect, it } from 'vitest'
import { liveSteps } from '../../src/codecs/parquet-history-codec.js'
import { columnRows } from '../../src/codecs/parquet-column-rows.js'
import { jsonColumnsOf, pickKeys } from '../../src/codecs/parquet-row-codec.js'
import { liveWindows } from '../../src/streams/live-windows.js'
import { readBatch } from '../../src/streams/parquet-read-batch.js'
import { planRowGroups } from '../../src/streams/parquet-row-groups.js'
import type { ExportFile } from '../../src/streams/parquet-export-file.js'
import { historyParquet } from '../support/history-parquet.js'

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

/** An export file of `steps` (row groups of `size`) with a `loss` column. */
const exportOf = (steps: readonly number[], size = 1000) =>
  parquetMetadata(
    historyParquet(steps, [{ name: 'loss', type: 'DOUBLE', data: steps.map((s) => s / 10) }], {
      rowGroupSize: size,
    }),
  )

const withoutStatistics = <M extends { statistics?: unknown }>({ statistics: _, ...rest }: M) => rest

const spans = (batches: ReturnType<typeof planRowGroups>) =>
  batches.map((batch) => batch.map((s) => [s.file, s.minStep, s.maxStep]))

describe('planRowGroups', () => {
  it('keeps only row groups overlapping [minStep, stop), in step order across files', () => {
    const files = [exportOf(range(2000, 3000), 500), exportOf(range(0, 2000), 500)]
    expect(spans(planRowGroups(files, 700, 2100))).toEqual([
      [[1, 500, 999]],
      [[1, 1000, 1499]],
      [[1, 1500, 1999]],
      [[0, 2000, 2499]],
    ])
    expect(planRowGroups(files, 3000, 4000)).toEqual([])
    expect(planRowGroups(files, 0, 0)).toEqual([])
  })

  it('puts row groups with overlapping steps into one batch, so they are sorted together', () => {
    const files = [exportOf([0, 5, 10, 15], 2), exportOf([3, 4, 20], 3)]
    expect(spans(planRowGroups(files, 0, Infinity))).toEqual([
      [
        [0, 0, 5],
        [1, 3, 20],
        [0, 10, 15],
      ],
    ])
  })

  it('treats a row group without _step statistics as holding any step', () => {
    const metadata = exportOf(range(0, 10), 5)
    const bare: FileMetaData = {
      ...metadata,
      row_groups: metadata.row_groups.map((group) => ({
        ...group,
        columns: group.columns.map((c) =>
          c.meta_data ? { ...c, meta_data: withoutStatistics(c.meta_data) } : c,
        ),
      })),
    }
    const batches = planRowGroups([bare], 100, 200)
    expect(batches).toHaveLength(1)
    expect(batches[0]?.map((s) => [s.rowStart, s.rowEnd])).toEqual([
      [0, 5],
      [5, 10],
    ])
  })
})

describe('columnRows', () => {
  it('omits null cells, turns BigInts into numbers and keeps NaN', () => {
    const rows = columnRows(
      new BigInt64Array([3n, 4n]),
      [
        ['loss', [NaN, 1]],
        ['acc', [null, 0.5]],
        ['big', new BigInt64Array([7n, 8n])],
        ['cfg', [undefined, null]],
        ['n', new Float64Array([1, 2])],
      ],
      new Set(),
    )
    expect(rows).toEqual([
      { _step: 3, loss: NaN, big: 7, n: 1 },
      { _step: 4, loss: 1, acc: 0.5, big: 8, n: 2 },
    ])
    expect(Object.keys(rows?.[0] ?? {})).not.toContain('acc')
  })

  it('keeps nested groups as objects without their null fields, lists and bytes as they are', () => {
    const bytes = new Uint8Array([1, 2])
    const rows = columnRows(
      [1],
      [
        ['cfg', [{ lr: 0.1, momentum: null, inner: { n: 2n } }]],
        ['list', [[1n, null, 3n]]],
        ['blob', [bytes]],
      ],
      new Set(),
    )
    expect(rows).toEqual([{ _step: 1, cfg: { lr: 0.1, inner: { n: 2 } }, list: [1, null, 3], blob: bytes }])
  })

  it('parses JSON columns as extended JSON and accepts a DOUBLE _step', () => {
    const rows = columnRows(
      [4.0],
      [
        ['mixed', ['{"a":[1,NaN,-Infinity]}']],
        ['plain', ['{"a":1}']],
      ],
      new Set(['mixed']),
    )
    expect(rows?.[0]?._step).toBe(4)
    expect(rows?.[0]?.['mixed']).toEqual({ a: [1, NaN, -Infinity] })
    expect(rows?.[0]?.['plain']).toBe('{"a":1}')
  })

  it('rejects rows without a whole-number _step', () => {
    expect(columnRows([0, null], [['loss', [1, 1]]], new Set())).toBeUndefined()
    expect(columnRows([1.5], [], new Set())).toBeUndefined()
  })
})

describe('pickKeys', () => {
  it('drops rows missing any key and keeps only _step and the keys', () => {
    expect(pickKeys({ _step: 1, loss: 0.5, acc: 0.9, _runtime: 2 }, ['loss', 'acc'])).toEqual({
      _step: 1,
      loss: 0.5,
      acc: 0.9,
    })
    expect(pickKeys({ _step: 2, loss: 0.5 }, ['loss', 'acc'])).toBeUndefined()
  })

  it('finds a dotted key literally first, else inside nested objects', () => {
    expect(pickKeys({ _step: 1, train: { lr: 0.1, m: { x: 2 } } }, ['train.lr', 'train.m.x'])).toEqual({
      _step: 1,
      'train.lr': 0.1,
      'train.m.x': 2,
    })
    expect(pickKeys({ _step: 1, 'a.b': 3, a: { b: 4 } }, ['a.b'])).toEqual({ _step: 1, 'a.b': 3 })
    expect(pickKeys({ _step: 1, train: { lr: 0.1 } }, ['train.nope'])).toBeUndefined()
  })
})

describe('liveSteps', () => {
  it('reads _step from objects, JSON text, floats and numeric strings, ascending and distinct', () => {
    const data = [
      { _step: 12 },
      '{"_step": 10.0}',
      { _step: '11' },
      { _step: 12 },
      { _step: 'NaN' },
      { loss: 1 },
      null,
    ]
    expect(liveSteps(data)).toEqual([10, 11, 12])
  })
})

describe('liveWindows', () => {
  it('yields only windows holding live steps, from the lowest live step, capped by maxStep', () => {
    const windows = [...liveWindows([5000, 5001, 9000, 9500], 0, Infinity, 1000)]
    expect(windows).toEqual([
      { minStep: 5000, maxStep: 6000 },
      { minStep: 9000, maxStep: 9501 },
    ])
    expect([...liveWindows([5000, 5001, 9000], 5001, 9000, 1000)]).toEqual([{ minStep: 5001, maxStep: 6001 }])
    expect([...liveWindows([], 0, Infinity, 1000)]).toEqual([])
  })
})

describe('readBatch', () => {
  const steps = range(0, 30)
  const bytes = historyParquet(
    steps,
    [
      { name: 'loss', type: 'DOUBLE', data: steps.map((s) => (s === 3 ? NaN : s % 4 === 0 ? null : s / 10)) },
      { name: 'acc', type: 'DOUBLE', data: steps.map((s) => s) },
      {
        name: 'cfg',
        fields: { lr: 'DOUBLE', name: 'STRING' },
        data: steps.map((s) => (s < 2 ? { lr: 0.1, name: 'a' } : null)),
      },
      { name: 'mixed', type: 'STRING', data: steps.map((s) => (s === 1 ? '[1,NaN]' : null)) },
    ],
    { rowGroupSize: 10, jsonColumns: ['mixed'] },
  )
  const metadata = parquetMetadata(bytes)
  const reads: [number, number][] = []
  const file: ExportFile = {
    path: 'mem://0-29.parquet',
    bytes: {
      byteLength: bytes.byteLength,
      slice: (start, end) => {
        reads.push([start, end ?? bytes.byteLength])
        return bytes.slice(start, end)
      },
    },
    metadata,
    jsonColumns: jsonColumnsOf(metadata),
    columns: new Set(['_step', 'loss', 'acc', 'cfg', 'mixed']),
  }
  const batches = planRowGroups([metadata], 0, Infinity)

  it('decodes rows as history rows: nested groups, JSON columns, NaN, omitted nulls', async () => {
    const rows = await readBatch([file], batches[0] ?? [], undefined)
    expect(rows.map((r) => r._step)).toEqual(range(0, 10))
    expect(rows[0]).toEqual({ _step: 0, acc: 0, cfg: { lr: 0.1, name: 'a' } })
    expect(rows[1]).toEqual({ _step: 1, loss: 0.1, acc: 1, cfg: { lr: 0.1, name: 'a' }, mixed: [1, NaN] })
    expect(rows[3]?.['loss']).toBeNaN()
    expect(rows[4]).toEqual({ _step: 4, acc: 4 })
  })

  it('with keys reads only the needed column chunks and drops rows lacking a key', async () => {
    reads.length = 0
    const rows = await readBatch([file], batches[1] ?? [], ['loss'])
    expect(rows).toEqual(
      range(10, 20)
        .filter((s) => s % 4 !== 0)
        .map((s) => ({ _step: s, loss: s / 10 })),
    )
    const read = reads.reduce((sum, [a, b]) => sum + b - a, 0)
    const group = metadata.row_groups[1]
    const chunkBytes = (name: string) =>
      Number(
        group?.columns.find((c) => c.meta_data?.path_in_schema[0] === name)?.meta_data?.total_compressed_size,
      )
    expect(read).toBeLessThanOrEqual(chunkBytes('_step') + chunkBytes('loss'))
    expect(read).toBeLessThan(Number(group?.total_byte_size))
  })

  it('reads files whose _step is DOUBLE, as W&B may write them', async () => {
    const doubles = historyParquet([0, 1, 2, 5], [{ name: 'loss', type: 'DOUBLE', data: [1, null, 3, 4] }], {
      rowGroupSize: 2,
    })
    const meta = parquetMetadata(doubles)
    const planned = planRowGroups([meta], 2, 6)
    expect(planned.map((b) => b.map((s) => [s.minStep, s.maxStep]))).toEqual([[[2, 5]]])
    const rows = await readBatch(
      [{ ...file, bytes: doubles, metadata: meta, jsonColumns: new Set() }],
      planned[0] ?? [],
      undefined,
    )
    expect(rows).toEqual([
      { _step: 2, loss: 3 },
      { _step: 5, loss: 4 },
    ])
  })

  it('lays column chunks of several pages out on the rows they belong to', async () => {
    const many = range(0, 500)
    const paged = historyParquet(
      many,
      [
        { name: 'loss', type: 'DOUBLE', data: many.map((s) => (s % 7 === 0 ? null : s / 2)) },
        { name: 'phase', type: 'STRING', data: many.map((s) => `p${s % 3}`) },
      ],
      { rowGroupSize: 500, pageSize: 256 },
    )
    const meta = parquetMetadata(paged)
    const rows = await readBatch(
      [
        {
          ...file,
          bytes: paged,
          metadata: meta,
          jsonColumns: new Set(),
          columns: new Set(['_step', 'loss', 'phase']),
        },
      ],
      planRowGroups([meta], 0, Infinity)[0] ?? [],
      undefined,
    )
    expect(rows).toEqual(
      many.map((s) => ({ _step: s, ...(s % 7 === 0 ? {} : { loss: s / 2 }), phase: `p${s % 3}` })),
    )
  })

  it('makes corrupt bytes a ParquetHistoryError, never rows', async () => {
    const broken: ExportFile = {
      ...file,
      bytes: {
        byteLength: bytes.byteLength,
        slice: (a, b) => new Uint8Array((b ?? bytes.byteLength) - a).fill(7).buffer,
      },
    }
    await expect(readBatch([broken], batches[0] ?? [], undefined)).rejects.toMatchObject({
      name: 'ParquetHistoryError',
      reason: 'corrupt',
    })
  })
})

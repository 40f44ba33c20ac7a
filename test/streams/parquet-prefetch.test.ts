import { parquetMetadata } from 'hyparquet'
import { describe, expect, it } from 'vitest'
import { jsonColumnsOf } from '../../src/codecs/parquet-row-codec.js'
import type { ExportFile } from '../../src/streams/parquet-export-file.js'
import { planReads, prefetch } from '../../src/streams/parquet-prefetch.js'
import { columnsToRead, readBatch } from '../../src/streams/parquet-read-batch.js'
import { planRowGroups } from '../../src/streams/parquet-row-groups.js'
import { historyParquet } from '../support/history-parquet.js'

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

/** An export of `rows` steps in row groups of `size`, with six DOUBLE columns (noise: no compression); slices are recorded. */
function exportFile(rows: number, size: number) {
  const steps = range(0, rows)
  const bytes = historyParquet(
    steps,
    ['a', 'b', 'c', 'd', 'e', 'f'].map((name, k) => ({
      name,
      type: 'DOUBLE' as const,
      data: steps.map((s) => Math.sin(s * (k + 1))),
    })),
    { rowGroupSize: size },
  )
  const metadata = parquetMetadata(bytes)
  const reads: [number, number][] = []
  const file: ExportFile = {
    path: 'mem://export.parquet',
    bytes: {
      byteLength: bytes.byteLength,
      slice: (start, end = bytes.byteLength) => {
        reads.push([start, end])
        return bytes.slice(start, end)
      },
    },
    metadata,
    jsonColumns: jsonColumnsOf(metadata),
    columns: new Set(['_step', 'a', 'b', 'c', 'd', 'e', 'f']),
  }
  return { file, reads, batches: planRowGroups([metadata], 0, Infinity) }
}

describe('planReads', () => {
  it('reads consecutive row groups of a full scan with one contiguous range', () => {
    const { file, batches } = exportFile(1000, 100)
    const reads = planReads([file], batches, () => undefined)
    expect(reads).toHaveLength(1)
    expect(reads[0]?.batches).toEqual(batches)
    expect(reads[0]?.ranges).toHaveLength(1)
  })

  it('caps a read at 512 KiB, and never joins row groups whose wanted columns are far apart', () => {
    const big = exportFile(200_000, 10_000) // ~5 MB of doubles: several reads
    const reads = planReads([big.file], big.batches, () => undefined)
    expect(reads.length).toBeGreaterThan(1)
    expect(reads.flatMap((r) => r.batches)).toEqual(big.batches)
    for (const read of reads) {
      const [only] = read.ranges
      expect(read.ranges).toHaveLength(1)
      expect(read.batches.length === 1 || only!.end - only!.start <= 512 * 1024).toBe(true)
    }
    // Columns of 5000 doubles (40 KB): a row group's _step and b are read as one range across a
    // (a hole under 128 KiB), but c–f and the next group's a (200 KB) keep row groups apart.
    const { file, batches } = exportFile(25_000, 5000)
    const keyed = planReads([file], batches, (f) => columnsToRead(['b'], f.columns))
    expect(keyed.map((r) => r.batches.length)).toEqual(batches.map(() => 1))
    expect(keyed.map((r) => r.ranges.length)).toEqual(batches.map(() => 1))
    const group = Number(file.metadata.row_groups[0]?.total_compressed_size)
    const read = keyed[0]!.ranges[0]!
    expect(read.end - read.start).toBeLessThan(group / 2)
  })

  it('reads through holes under 128 KiB: a keyed scan of small row groups is one range per read', () => {
    // Columns of 2000 doubles (16 KB): between one group's b and the next group's _step lie
    // c–f and a (80 KB), cheaper to read than to ask for in a request of its own.
    const { file, batches } = exportFile(10_000, 2000)
    const keyed = planReads([file], batches, (f) => columnsToRead(['b'], f.columns))
    expect(keyed).toHaveLength(1)
    expect(keyed[0]?.batches).toEqual(batches)
    expect(keyed[0]?.ranges).toHaveLength(1)
  })
})

describe('prefetch', () => {
  it('fetches a read once; its batches then decode from memory to the same rows', async () => {
    const { file, reads, batches } = exportFile(1000, 100)
    const [read] = planReads([file], batches, () => undefined)
    const fetched = await prefetch([file], read!)
    expect(reads).toEqual(read!.ranges.map((r) => [r.start, r.end]))
    reads.length = 0
    const rows = []
    for (const batch of read!.batches) rows.push(...(await readBatch(fetched, batch, undefined)))
    expect(reads).toEqual([])
    expect(rows).toHaveLength(1000)
    expect(rows[999]).toMatchObject({ _step: 999, a: Math.sin(999), b: Math.sin(1998), f: Math.sin(5994) })
    expect(rows).toEqual(await readBatch([file], batches.flat(), undefined))
  })

  it('reads bytes outside the prefetched ranges from the file itself', async () => {
    const { file, reads, batches } = exportFile(25_000, 5000)
    const keyed = planReads([file], batches, (f) => columnsToRead(['b'], f.columns))
    const fetched = await prefetch([file], keyed[0]!)
    reads.length = 0
    expect(await readBatch(fetched, batches[0]!, ['b'])).toHaveLength(5000)
    expect(reads).toEqual([])
    const rows = await readBatch(fetched, batches[1]!, undefined)
    expect(rows.map((r) => r._step)).toEqual(range(5000, 10_000))
    expect(reads.length).toBeGreaterThan(0)
  })
})

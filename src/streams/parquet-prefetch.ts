import type { AsyncBuffer } from 'hyparquet/src/index.js'
import type { ExportFile } from './parquet-export-file.js'
import type { RowGroupSlice } from './parquet-row-groups.js'

/** Bytes `[start, end)` of one export file. @internal */
export interface ByteRange {
  readonly file: number
  readonly start: number
  readonly end: number
}

/** Consecutive row-group batches read with one fetch of their bytes, decoded batch by batch. @internal */
export interface ParquetRead {
  readonly batches: readonly (readonly RowGroupSlice[])[]
  readonly ranges: readonly ByteRange[]
}

/**
 * A gap of at most this many bytes between wanted ranges is read through rather than skipped.
 * Apache Arrow's rule for coalescing reads over a network (`CacheOptions::MakeFromNetworkMetrics`):
 * skip a hole only when it is longer than the bandwidth-delay product (time to first byte ×
 * bandwidth), since a new request costs more than reading the hole. 128 KiB is the product for
 * 12.5 ms × 10 MB/s, below any link W&B is read over (loopback: ~1 ms × 1 GB/s); a keyed scan of
 * 2 of 10 metrics then asks for one range per 512 KiB, not one per row group (on this 2-core
 * machine each request costs the client ~0.7 ms of CPU), while in a run of hundreds of metrics
 * the unwanted columns still span more than this and are skipped.
 */
const HOLE = 1 << 17
// hyparquet's own limit on a coalesced run (src/plan.js).
const RUN = 1 << 21
/** A read grows by whole batches while it stays one contiguous range of at most this size. */
const READ_BYTES = 1 << 19

/**
 * The batches grouped into reads: consecutive batches whose column chunks (all, or `columns` of
 * each file) form one contiguous byte range of at most 512 KiB share a read, so a full scan of
 * small row groups costs one request per half MiB rather than one per row group; any other batch
 * is a read of its own. Each read lists its byte ranges, coalesced as hyparquet does.
 *
 * @example
 * ```ts
 * planReads(files, planRowGroups(metadatas, 0, Infinity), () => undefined)
 * // [{ batches: [[group 0], …, [group 4]], ranges: [{ file: 0, start: 4, end: 480112 }] }, …]
 * ```
 */
export function planReads(
  files: readonly ExportFile[],
  batches: readonly (readonly RowGroupSlice[])[],
  columns: (file: ExportFile) => readonly string[] | undefined,
): ParquetRead[] {
  const reads: ParquetRead[] = []
  let chunks: ByteRange[] = [] // of the last read, before coalescing
  for (const batch of batches) {
    const own = batch.flatMap((slice) => chunkRanges(files, slice, columns))
    const last = reads[reads.length - 1]
    const joined = last?.ranges.length === 1 ? coalesce([...chunks, ...own]) : []
    const only = joined.length === 1 ? joined[0] : undefined
    if (last && only && only.end - only.start <= READ_BYTES) {
      reads[reads.length - 1] = { batches: [...last.batches, batch], ranges: [only] }
      chunks = [...chunks, ...own]
    } else {
      reads.push({ batches: [batch], ranges: coalesce(own) })
      chunks = own
    }
  }
  return reads
}

/**
 * `files` with the bytes of `read` fetched (through each file's own reader, in parallel): the
 * files it touches serve those bytes from memory, anything else as before.
 *
 * @example
 * ```ts
 * const fetched = await prefetch(files, read) // one ranged GET per range
 * await readBatch(fetched, read.batches[0], undefined) // no request
 * ```
 */
export async function prefetch(files: readonly ExportFile[], read: ParquetRead): Promise<ExportFile[]> {
  const parts = await Promise.all(
    read.ranges.map(async (range) => ({
      ...range,
      bytes: await files[range.file]!.bytes.slice(range.start, range.end),
    })),
  )
  return files.map((file, index) => {
    const own = parts.filter((part) => part.file === index)
    return own.length === 0 ? file : { ...file, bytes: inMemory(file.bytes, own) }
  })
}

/** Serves slices within `parts` (sorted, from one file) from memory, any other from `file`. */
function inMemory(
  file: AsyncBuffer,
  parts: readonly (ByteRange & { readonly bytes: ArrayBuffer })[],
): AsyncBuffer {
  return {
    byteLength: file.byteLength,
    slice: (start, end = file.byteLength) => {
      // A slice may span adjacent parts (hyparquet's runs need not match ours): copy piece by piece.
      const out = new Uint8Array(end - start)
      let at = start
      for (const part of parts) {
        if (at >= end) break
        if (part.end <= at || part.start > at) continue
        const stop = Math.min(end, part.end)
        out.set(new Uint8Array(part.bytes, at - part.start, stop - at), at - start)
        at = stop
      }
      return at >= end ? out.buffer : file.slice(start, end)
    },
  }
}

/** The byte ranges of a row group's column chunks (those of `columns` only, when given). */
function chunkRanges(
  files: readonly ExportFile[],
  slice: RowGroupSlice,
  columns: (file: ExportFile) => readonly string[] | undefined,
): ByteRange[] {
  const file = files[slice.file]
  const group = file?.metadata.row_groups[slice.group]
  if (file === undefined || group === undefined) return []
  const wanted = columns(file)
  return group.columns.flatMap(({ meta_data: meta }) => {
    if (meta === undefined || (wanted && !wanted.includes(meta.path_in_schema[0] ?? ''))) return []
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset)
    return [{ file: slice.file, start, end: start + Number(meta.total_compressed_size) }]
  })
}

/** Ranges sorted and merged across a gap of at most `HOLE` bytes, while a run stays within `RUN`. */
function coalesce(ranges: readonly ByteRange[]): ByteRange[] {
  const sorted = [...ranges].sort((a, b) => a.file - b.file || a.start - b.start)
  const merged: ByteRange[] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (
      last?.file === range.file &&
      range.start - last.end <= HOLE &&
      Math.max(last.end, range.end) - last.start <= RUN
    )
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, range.end) }
    else merged.push(range)
  }
  return merged
}

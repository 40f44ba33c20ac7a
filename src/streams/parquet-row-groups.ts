import type { FileMetaData, RowGroup, Statistics } from 'hyparquet/src/index.js'

/** One row group of one export file and the `_step` range its statistics claim. @internal */
export interface RowGroupSlice {
  readonly file: number
  /** Index of the row group in the file's `row_groups`. */
  readonly group: number
  readonly rowStart: number
  readonly rowEnd: number
  /** Lowest and highest `_step`; ±Infinity when the file has no statistics for it. */
  readonly minStep: number
  readonly maxStep: number
}

/**
 * The row groups of every file that may hold steps in `[minStep, stop)`, grouped into batches to
 * read in order: batches are in ascending `_step` order and never overlap, so emitting each
 * batch sorted yields every step in order. Row groups whose ranges overlap (or lack statistics)
 * share a batch; W&B's and our exports never overlap, so a batch is normally one row group and
 * memory holds one row group at a time.
 *
 * @example
 * ```ts
 * planRowGroups([metadataOf0to1999, metadataOf2000to2999], 500, 2100)
 * // [[{ file: 0, group: 0, rowStart: 0, rowEnd: 1000, … }], [{ file: 0, group: 1, … }], [{ file: 1, group: 0, … }]]
 * ```
 */
export function planRowGroups(
  files: readonly FileMetaData[],
  minStep: number,
  stop: number,
): RowGroupSlice[][] {
  const slices = files.flatMap((metadata, file) => {
    let rowStart = 0
    return metadata.row_groups.map((rowGroup, group) => {
      const rowEnd = rowStart + Number(rowGroup.num_rows)
      const slice = { file, group, rowStart, rowEnd, ...stepRange(rowGroup) }
      rowStart = rowEnd
      return slice
    })
  })
  const wanted = slices
    .filter((s) => s.rowEnd > s.rowStart && s.maxStep >= minStep && s.minStep < stop)
    .sort((a, b) => a.minStep - b.minStep || a.file - b.file || a.rowStart - b.rowStart)
  const batches: RowGroupSlice[][] = []
  let reach = -Infinity
  for (const slice of wanted) {
    const last = batches[batches.length - 1]
    if (last !== undefined && slice.minStep <= reach) last.push(slice)
    else batches.push([slice])
    reach = Math.max(reach, slice.maxStep)
  }
  return batches
}

/** The `_step` range from a row group's column statistics, or everything when unknown. */
function stepRange(group: RowGroup): { minStep: number; maxStep: number } {
  const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === '_step')
  const stats = chunk?.meta_data?.statistics
  const min = asNumber(stats?.min_value ?? stats?.min)
  const max = asNumber(stats?.max_value ?? stats?.max)
  return {
    minStep: Number.isNaN(min) ? -Infinity : min,
    maxStep: Number.isNaN(max) ? Infinity : max,
  }
}

const asNumber = (value: Statistics['min']): number =>
  typeof value === 'number' || typeof value === 'bigint' ? Number(value) : NaN

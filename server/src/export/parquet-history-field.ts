import type { GraphqlContext } from '../graphql/context.js'
import { runRowOf } from '../graphql/parent-rows.js'
import { exportedLineCount, listHistoryExports } from '../store/history-exports.js'
import { historyLinesFrom } from '../store/history-line-range.js'
import { parseExtendedJson } from '../util/extended-json.js'
import { exportUrl } from './export-urls.js'

/** `RunParquetHistory`: signed URLs of the run's export files and its unexported rows. */
export interface ParquetHistory {
  readonly parquetUrls: string[]
  readonly liveData: Record<string, unknown>[]
}

/**
 * `Run.parquetHistory(liveKeys)`: one `liveData` object per history line no file holds, in step
 * order, with the `liveKeys` that line has (`_step` is the step the server filed it under).
 * The boundary is read with the rows in one synchronous call, so both sides agree exactly.
 * Non-finite values go out as "NaN"/"Infinity" strings through the `JSON` scalar, like every JSON field.
 */
export function parquetHistory(
  ctx: GraphqlContext,
  runId: number,
  liveKeys: readonly string[],
): ParquetHistory {
  const files = listHistoryExports(ctx.db, runId)
  const others = liveKeys.filter((k) => k !== '_step')
  const lines = historyLinesFrom(ctx.db, runId, exportedLineCount(ctx.db, runId), others.length > 0)
  const liveData = lines.map(({ step, data }) => {
    const out: Record<string, unknown> = liveKeys.includes('_step') ? { _step: step } : {}
    if (others.length === 0) return out
    const row = parseExtendedJson(data) as Record<string, unknown>
    for (const key of others) if (Object.hasOwn(row, key)) out[key] = row[key]
    return out
  })
  return { parquetUrls: files.map((f) => exportUrl(ctx.baseUrl, ctx.signer, f)), liveData }
}

/** Resolvers added to `Run` (see `parquet-history-sdl.ts`). */
export const parquetRunFields = {
  parquetHistory: (
    run: unknown,
    args: { liveKeys: readonly string[] },
    ctx: GraphqlContext,
  ): ParquetHistory => {
    const row = runRowOf(ctx, run)
    return row ? parquetHistory(ctx, row.id, args.liveKeys) : { parquetUrls: [], liveData: [] }
  },
}

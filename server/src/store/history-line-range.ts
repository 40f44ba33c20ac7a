import type { Db } from './open-database.js'
import { sql } from './statements.js'

/** A stored history line with the step the server filed it under. */
export interface HistoryLine {
  readonly line: number
  readonly step: number
  readonly data: string
}

/** Lines `[from, to)` of a run in line order, at most `limit` of them. */
export function historyLineBatch(
  db: Db,
  runId: number,
  from: number,
  to: number,
  limit: number,
): HistoryLine[] {
  return sql<HistoryLine>(
    db,
    'SELECT line, step, data FROM history WHERE run_id = ? AND line >= ? AND line < ? ORDER BY line LIMIT ?',
  ).all(runId, from, to, limit)
}

/** Lines from `from` on in step order; `withData` false skips reading their text. */
export function historyLinesFrom(db: Db, runId: number, from: number, withData: boolean): HistoryLine[] {
  return sql<HistoryLine>(
    db,
    `SELECT line, step, ${withData ? 'data' : "'' AS data"} FROM history WHERE run_id = ? AND line >= ? ORDER BY step, line`,
  ).all(runId, from)
}

/** The step of a run's line, if stored. */
export function stepOfLine(db: Db, runId: number, line: number): number | undefined {
  return sql<{ step: number }>(db, 'SELECT step FROM history WHERE run_id = ? AND line = ?').get(runId, line)
    ?.step
}

/** The first line at or after `from` whose step is at least `step`, if any. */
export function firstLineAtStep(db: Db, runId: number, from: number, step: number): number | undefined {
  return (
    sql<{ line: number | null }>(
      db,
      'SELECT min(line) AS line FROM history WHERE run_id = ? AND step >= ? AND line >= ?',
    ).get(runId, step, from)?.line ?? undefined
  )
}

import { downsample } from '../util/downsample.js'
import type { Db } from './open-database.js'
import { sql } from './statements.js'

/** Append-only line tables of a run: history (with its step) and system events. */
export function insertHistoryLine(db: Db, runId: number, line: number, step: number, data: string): void {
  sql(db, 'INSERT INTO history (run_id, line, step, data) VALUES (?, ?, ?, ?)').run(runId, line, step, data)
}

export function insertEventLine(db: Db, runId: number, line: number, data: string): void {
  sql(db, 'INSERT INTO events (run_id, line, data) VALUES (?, ?, ?)').run(runId, line, data)
}

/** output.log lines can be rewritten in place (terminal emulation), hence the upsert. */
export function putLogLine(db: Db, runId: number, line: number, content: string): void {
  sql(
    db,
    'INSERT INTO log_lines (run_id, line, content) VALUES (?, ?, ?) ON CONFLICT (run_id, line) DO UPDATE SET content = excluded.content',
  ).run(runId, line, content)
}

/** History rows with `minStep <= _step < maxStep` (bounds optional), in step then log order. */
export function historyRows(db: Db, runId: number, minStep: number | null, maxStep: number | null): string[] {
  return firstHistoryRows(db, runId, minStep, maxStep, -1)
}

/** The first `limit` rows of `historyRows` (all for -1), as plain strings (`pluck`, no row objects). */
function firstHistoryRows(
  db: Db,
  runId: number,
  minStep: number | null,
  maxStep: number | null,
  limit: number,
): string[] {
  return sql<string>(
    db,
    'SELECT data FROM history WHERE run_id = ? AND step >= ? AND step < ? ORDER BY step, line LIMIT ?',
  )
    .pluck()
    .all(runId, minStep ?? Number.MIN_SAFE_INTEGER, maxStep ?? Number.MAX_SAFE_INTEGER, limit)
}

/**
 * `historyRows` down-sampled to `samples` rows without reading the others. A range of at most
 * `samples` rows (every window of a full scan) is read by one query; a larger one takes its line
 * numbers from the (run_id, step, line) index, then only the chosen lines' text.
 */
export function sampledHistoryRows(
  db: Db,
  runId: number,
  minStep: number | null,
  maxStep: number | null,
  samples: number,
): string[] {
  if (samples >= 0) {
    const first = firstHistoryRows(db, runId, minStep, maxStep, samples + 1)
    if (first.length <= samples) return first
  }
  const lines = sql<{ line: number }>(
    db,
    'SELECT line FROM history WHERE run_id = ? AND step >= ? AND step < ? ORDER BY step, line',
  )
    .all(runId, minStep ?? Number.MIN_SAFE_INTEGER, maxStep ?? Number.MAX_SAFE_INTEGER)
    .map((r) => r.line)
  const chosen = downsample(lines, samples)
  if (chosen.length === lines.length) return historyRows(db, runId, minStep, maxStep)
  const data = new Map<number, string>()
  for (let i = 0; i < chosen.length; i += 500) {
    const batch = chosen.slice(i, i + 500)
    const rows = sql<{ line: number; data: string }>(
      db,
      `SELECT line, data FROM history WHERE run_id = ? AND line IN (${batch.map(() => '?').join(', ')})`,
    ).all(runId, ...batch)
    for (const row of rows) data.set(row.line, row.data)
  }
  return chosen.map((line) => data.get(line) as string)
}

export function eventRows(db: Db, runId: number): string[] {
  return sql<{ data: string }>(db, 'SELECT data FROM events WHERE run_id = ? ORDER BY line')
    .all(runId)
    .map((r) => r.data)
}

export function historyTail(db: Db, runId: number, table: 'history' | 'events', n: number): string[] {
  return sql<{ data: string }>(db, `SELECT data FROM ${table} WHERE run_id = ? ORDER BY line DESC LIMIT ?`)
    .all(runId, n)
    .map((r) => r.data)
    .reverse()
}

export interface LogLineRow {
  readonly line: number
  readonly content: string
}

/** Console lines after `afterLine`, ascending; or, with `last`, the final `last` lines. */
export function logLines(
  db: Db,
  runId: number,
  afterLine: number,
  limit: number,
  last?: number,
): LogLineRow[] {
  if (last !== undefined) {
    return sql<LogLineRow>(
      db,
      'SELECT line, content FROM log_lines WHERE run_id = ? ORDER BY line DESC LIMIT ?',
    )
      .all(runId, last)
      .reverse()
  }
  return sql<LogLineRow>(
    db,
    'SELECT line, content FROM log_lines WHERE run_id = ? AND line > ? ORDER BY line LIMIT ?',
  ).all(runId, afterLine, limit)
}

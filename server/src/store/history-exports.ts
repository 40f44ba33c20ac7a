import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import { sql } from './statements.js'

/** Bytes per stored page of an export file. */
const PAGE_BYTES = 256 * 1024

/** One exported Parquet file of a run's history (`history_exports`). */
export interface HistoryExportRow {
  readonly id: number
  readonly run_id: number
  readonly uid: string
  readonly first_line: number
  readonly end_line: number
  readonly min_step: number
  readonly max_step: number
  readonly row_count: number
  readonly size_bytes: number
  readonly etag: string
  readonly created_at: string
}

/** What an export adds: its lines, steps and bytes. */
export interface NewHistoryExport {
  readonly runId: number
  readonly uid: string
  readonly firstLine: number
  readonly endLine: number
  readonly minStep: number
  readonly maxStep: number
  readonly rowCount: number
  readonly etag: string
  readonly bytes: Uint8Array
}

/** Lines `[0, n)` of the run are in files; line `n` on is live. */
export function exportedLineCount(db: Db, runId: number): number {
  return (
    sql<{ n: number | null }>(db, 'SELECT max(end_line) AS n FROM history_exports WHERE run_id = ?').get(
      runId,
    )?.n ?? 0
  )
}

/**
 * Stores a finished file and moves the boundary, in one transaction. Returns false (and stores
 * nothing) when the boundary moved meanwhile or the run is gone, so no row is ever in two files.
 */
export function commitHistoryExport(db: Db, e: NewHistoryExport): boolean {
  return db.transaction(() => {
    const run = sql<{ id: number }>(db, 'SELECT id FROM runs WHERE id = ?').get(e.runId)
    if (!run || exportedLineCount(db, e.runId) !== e.firstLine) return false
    const { lastInsertRowid } = sql(
      db,
      `INSERT INTO history_exports (run_id, uid, first_line, end_line, min_step, max_step, row_count,
         size_bytes, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.runId,
      e.uid,
      e.firstLine,
      e.endLine,
      e.minStep,
      e.maxStep,
      e.rowCount,
      e.bytes.length,
      e.etag,
      nowIso(),
    )
    const insert = sql(db, 'INSERT INTO history_export_pages (export_id, page, bytes) VALUES (?, ?, ?)')
    for (let page = 0; page * PAGE_BYTES < e.bytes.length; page++) {
      const start = page * PAGE_BYTES
      insert.run(lastInsertRowid, page, Buffer.from(e.bytes.subarray(start, start + PAGE_BYTES)))
    }
    return true
  })()
}

/** A run's exports in line order (stable, so clients caching by position stay right). */
export function listHistoryExports(db: Db, runId: number): HistoryExportRow[] {
  return sql<HistoryExportRow>(db, 'SELECT * FROM history_exports WHERE run_id = ? ORDER BY first_line').all(
    runId,
  )
}

export function findHistoryExport(db: Db, uid: string): HistoryExportRow | undefined {
  return sql<HistoryExportRow>(db, 'SELECT * FROM history_exports WHERE uid = ?').get(uid)
}

/** Bytes `[start, end]` (inclusive) of an export, reading only the pages they span. */
export function readHistoryExport(db: Db, exportId: number, start: number, end: number): Buffer {
  const first = Math.floor(start / PAGE_BYTES)
  const pages = sql<{ bytes: Buffer }>(
    db,
    'SELECT bytes FROM history_export_pages WHERE export_id = ? AND page BETWEEN ? AND ? ORDER BY page',
  ).all(exportId, first, Math.floor(end / PAGE_BYTES))
  const from = start - first * PAGE_BYTES
  return Buffer.concat(pages.map((p) => p.bytes)).subarray(from, from + end - start + 1)
}

/** Runs holding history lines that no file has yet (what to look at after a restart). */
export function runsWithUnexportedHistory(db: Db): number[] {
  return sql<{ id: number }>(
    db,
    `SELECT r.id FROM runs r WHERE r.history_line_count >
       coalesce((SELECT max(e.end_line) FROM history_exports e WHERE e.run_id = r.id), 0)`,
  )
    .all()
    .map((r) => r.id)
}

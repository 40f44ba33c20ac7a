import { createHash } from 'node:crypto'
import { mimeType } from '../files/mime-type.js'
import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import type { FileRow } from './rows.js'
import { sql } from './statements.js'

const COLUMNS = 'id, run_id, name, size_bytes, md5, mimetype, created_at, updated_at'

/** Registers a file name for upload (idempotent); the row gets bytes with `putFileContent`. */
export function ensureFile(db: Db, runId: number, name: string): FileRow {
  const now = nowIso()
  sql(
    db,
    'INSERT OR IGNORE INTO files (run_id, name, mimetype, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(runId, name, mimeType(name), now, now)
  return sql<FileRow>(db, `SELECT ${COLUMNS} FROM files WHERE run_id = ? AND name = ?`).get(
    runId,
    name,
  ) as FileRow
}

/** Stores the bytes of an upload with their size and base64 MD5 (the W&B digest form). */
export function putFileContent(db: Db, fileId: number, content: Buffer): void {
  const md5 = createHash('md5').update(content).digest('base64')
  sql(db, 'UPDATE files SET content = ?, size_bytes = ?, md5 = ?, updated_at = ? WHERE id = ?').run(
    content,
    content.length,
    md5,
    nowIso(),
    fileId,
  )
}

export function findFileById(db: Db, id: number): FileRow | undefined {
  return sql<FileRow>(db, `SELECT ${COLUMNS} FROM files WHERE id = ?`).get(id)
}

export function findFile(db: Db, runId: number, name: string): FileRow | undefined {
  return sql<FileRow>(
    db,
    `SELECT ${COLUMNS} FROM files WHERE run_id = ? AND name = ? AND content IS NOT NULL`,
  ).get(runId, name)
}

export function fileContent(db: Db, id: number): Buffer | undefined {
  return (
    sql<{ content: Buffer | null }>(db, 'SELECT content FROM files WHERE id = ?').get(id)?.content ??
    undefined
  )
}

export interface FileQuery {
  readonly names?: readonly string[] | null
  readonly pattern?: string | null
}

function where(query: FileQuery): { sql: string; params: unknown[] } {
  const parts = ['run_id = ?', 'content IS NOT NULL']
  const params: unknown[] = []
  const names = (query.names ?? []).filter((n) => typeof n === 'string')
  if (names.length > 0) {
    parts.push(`name IN (${names.map(() => '?').join(', ')})`)
    params.push(...names)
  }
  if (query.pattern) {
    // W&B patterns use SQL LIKE syntax (`%.json`).
    parts.push('name LIKE ?')
    params.push(query.pattern)
  }
  return { sql: parts.join(' AND '), params }
}

/** Uploaded files of a run by name, keyset-paged (`afterName` exclusive). */
export function listFiles(
  db: Db,
  runId: number,
  query: FileQuery,
  afterName: string | null,
  limit: number,
): FileRow[] {
  const w = where(query)
  return sql<FileRow>(
    db,
    `SELECT ${COLUMNS} FROM files WHERE ${w.sql} AND name > ? ORDER BY name LIMIT ?`,
  ).all(runId, ...w.params, afterName ?? '', limit)
}

export function countFiles(db: Db, runId: number, query: FileQuery = {}): number {
  const w = where(query)
  return (
    sql<{ n: number }>(db, `SELECT count(*) AS n FROM files WHERE ${w.sql}`).get(runId, ...w.params)?.n ?? 0
  )
}

export function deleteFile(db: Db, id: number): boolean {
  return sql(db, 'DELETE FROM files WHERE id = ?').run(id).changes > 0
}

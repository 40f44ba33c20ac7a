import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import { sql } from './statements.js'

/** A row of `views` (a saved report or workspace view). */
export interface ViewRow {
  readonly id: number
  readonly project_id: number
  readonly type: string
  readonly name: string
  readonly display_name: string | null
  readonly description: string | null
  readonly spec: string
  readonly user_id: number | null
  readonly created_at: string
  readonly updated_at: string
}

export function findViewById(db: Db, id: number): ViewRow | undefined {
  return sql<ViewRow>(db, 'SELECT * FROM views WHERE id = ?').get(id)
}

export function findView(db: Db, projectId: number, type: string, name: string): ViewRow | undefined {
  return sql<ViewRow>(db, 'SELECT * FROM views WHERE project_id = ? AND type = ? AND name = ?').get(
    projectId,
    type,
    name,
  )
}

/** What `listViews` filters on: a type and a name (matched against `name` or the title). */
export interface ViewQuery {
  readonly type?: string | null
  readonly name?: string | null
}

/** Views of a project in creation order, keyset-paged by id. */
export function listViews(
  db: Db,
  projectId: number,
  query: ViewQuery,
  afterId: number,
  limit: number,
): ViewRow[] {
  return sql<ViewRow>(
    db,
    `SELECT * FROM views WHERE project_id = ? AND id > ? AND (? IS NULL OR type = ?)
     AND (? IS NULL OR name = ? OR display_name = ?) ORDER BY id LIMIT ?`,
  ).all(
    projectId,
    afterId,
    query.type ?? null,
    query.type ?? null,
    query.name ?? null,
    query.name ?? null,
    query.name ?? null,
    limit,
  )
}

export interface ViewFields {
  readonly displayName?: string | null
  readonly description?: string | null
  readonly spec?: string | null
}

/** Inserts a view, or updates the one with that project, type and name; null fields stay. */
export function upsertView(
  db: Db,
  projectId: number,
  type: string,
  name: string,
  userId: number,
  fields: ViewFields,
): { view: ViewRow; inserted: boolean } {
  const now = nowIso()
  const before = findView(db, projectId, type, name)
  if (!before) {
    sql(
      db,
      `INSERT INTO views (project_id, type, name, display_name, description, spec, user_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      projectId,
      type,
      name,
      fields.displayName ?? null,
      fields.description ?? null,
      fields.spec ?? '{}',
      userId,
      now,
      now,
    )
  } else {
    updateView(db, before.id, fields)
  }
  return { view: findView(db, projectId, type, name) as ViewRow, inserted: !before }
}

/** Updates a view's title, description and spec (null fields stay). */
export function updateView(db: Db, id: number, fields: ViewFields): ViewRow | undefined {
  sql(
    db,
    `UPDATE views SET display_name = coalesce(?, display_name), description = coalesce(?, description),
     spec = coalesce(?, spec), updated_at = ? WHERE id = ?`,
  ).run(fields.displayName ?? null, fields.description ?? null, fields.spec ?? null, nowIso(), id)
  return findViewById(db, id)
}

export function deleteView(db: Db, id: number): boolean {
  return sql(db, 'DELETE FROM views WHERE id = ?').run(id).changes > 0
}

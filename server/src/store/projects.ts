import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import type { ProjectRow, UserRow } from './rows.js'
import { sql } from './statements.js'
import { ensureEntity, findEntity, isMember } from './users.js'

const SELECT = 'SELECT p.*, e.name AS entity_name FROM projects p JOIN entities e ON e.id = p.entity_id'
/** Access levels that let users outside the entity read the project (W&B: public / open). */
const PUBLIC_READ = new Set(['USER_READ', 'USER_WRITE', 'PUBLIC'])

export function findProject(db: Db, entityName: string, name: string): ProjectRow | undefined {
  return sql<ProjectRow>(db, `${SELECT} WHERE e.name = ? AND p.name = ?`).get(entityName, name)
}

export function findProjectById(db: Db, id: number): ProjectRow | undefined {
  return sql<ProjectRow>(db, `${SELECT} WHERE p.id = ?`).get(id)
}

export function canRead(db: Db, user: UserRow, project: ProjectRow): boolean {
  return PUBLIC_READ.has(project.access) || isMember(db, user.id, project.entity_id)
}

export function canWrite(db: Db, user: UserRow, project: ProjectRow): boolean {
  return project.access === 'USER_WRITE' || isMember(db, user.id, project.entity_id)
}

/** May `user` create projects in `entityName`? */
export function canWriteEntity(db: Db, user: UserRow, entityName: string): boolean {
  const entity = findEntity(db, entityName)
  return entity !== undefined && isMember(db, user.id, entity.id)
}

export class NameError extends Error {
  override readonly name = 'NameError'
}

/** Entity and project names end up inside `:`-separated storage ids and URL paths. */
export function checkName(kind: string, name: string): void {
  if (!/^[^\s:/\\]{1,128}$/.test(name)) throw new NameError(`invalid ${kind} name ${JSON.stringify(name)}`)
}

export interface ProjectFields {
  readonly description?: string | null
  readonly access?: string | null
}

/** Creates or updates a project; returns it and whether it was created. Caller checks access. */
export function upsertProject(
  db: Db,
  entityName: string,
  name: string,
  fields: ProjectFields = {},
): { project: ProjectRow; inserted: boolean } {
  checkName('project', name)
  const entity = ensureEntity(db, entityName, false)
  const now = nowIso()
  const before = findProject(db, entityName, name)
  if (!before) {
    sql(
      db,
      'INSERT INTO projects (entity_id, name, description, access, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(entity.id, name, fields.description ?? null, fields.access ?? 'PRIVATE', now, now)
  } else if (fields.description != null || fields.access != null) {
    sql(
      db,
      'UPDATE projects SET description = coalesce(?, description), access = coalesce(?, access), updated_at = ? WHERE id = ?',
    ).run(fields.description ?? null, fields.access ?? null, now, before.id)
  }
  return { project: findProject(db, entityName, name) as ProjectRow, inserted: !before }
}

/** Projects of an entity in creation order, keyset-paged by id. */
export function listProjects(db: Db, entityId: number, afterId: number, limit: number): ProjectRow[] {
  return sql<ProjectRow>(db, `${SELECT} WHERE p.entity_id = ? AND p.id > ? ORDER BY p.id LIMIT ?`).all(
    entityId,
    afterId,
    limit,
  )
}

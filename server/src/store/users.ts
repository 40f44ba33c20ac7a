import { createHash } from 'node:crypto'
import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import type { EntityRow, UserRow } from './rows.js'
import { sql } from './statements.js'

/** Keys are stored as SHA-256 digests only; a leaked database does not leak keys. */
export function hashKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex')
}

export function findUserByKey(db: Db, apiKey: string): UserRow | undefined {
  return sql<UserRow>(
    db,
    'SELECT u.* FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = ?',
  ).get(hashKey(apiKey))
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return sql<UserRow>(db, 'SELECT * FROM users WHERE id = ?').get(id)
}

export function findUserByName(db: Db, username: string): UserRow | undefined {
  return sql<UserRow>(db, 'SELECT * FROM users WHERE username = ?').get(username)
}

export function findEntity(db: Db, name: string): EntityRow | undefined {
  return sql<EntityRow>(db, 'SELECT * FROM entities WHERE name = ?').get(name)
}

export function findEntityById(db: Db, id: number): EntityRow | undefined {
  return sql<EntityRow>(db, 'SELECT * FROM entities WHERE id = ?').get(id)
}

export function isMember(db: Db, userId: number, entityId: number): boolean {
  return (
    sql(db, 'SELECT 1 FROM members WHERE entity_id = ? AND user_id = ?').get(entityId, userId) !== undefined
  )
}

/** Team entities the user belongs to (not the personal one). */
export function teamsOf(db: Db, userId: number): EntityRow[] {
  return sql<EntityRow>(
    db,
    `SELECT e.* FROM members m JOIN entities e ON e.id = m.entity_id
     WHERE m.user_id = ? AND e.is_team = 1 ORDER BY e.name`,
  ).all(userId)
}

/** Creates (or reuses) an entity; `memberId` joins it. */
export function ensureEntity(db: Db, name: string, isTeam: boolean, memberId?: number): EntityRow {
  sql(db, 'INSERT OR IGNORE INTO entities (name, is_team, created_at) VALUES (?, ?, ?)').run(
    name,
    Number(isTeam),
    nowIso(),
  )
  const entity = findEntity(db, name) as EntityRow
  if (memberId !== undefined) {
    sql(db, 'INSERT OR IGNORE INTO members (entity_id, user_id) VALUES (?, ?)').run(entity.id, memberId)
  }
  return entity
}

export interface NewUser {
  readonly username: string
  readonly apiKey: string
  readonly email?: string
  readonly admin?: boolean
}

/** Creates the user with its personal entity (same name) or adds the key to an existing one. */
export function ensureUser(db: Db, user: NewUser): UserRow {
  return db.transaction(() => {
    let row = findUserByName(db, user.username)
    if (!row) {
      const entity = ensureEntity(db, user.username, false)
      const id = Number(
        sql(
          db,
          'INSERT INTO users (username, name, email, admin, entity_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(
          user.username,
          user.username,
          user.email ?? `${user.username}@localhost`,
          Number(user.admin ?? false),
          entity.id,
          nowIso(),
        ).lastInsertRowid,
      )
      sql(db, 'INSERT INTO members (entity_id, user_id) VALUES (?, ?)').run(entity.id, id)
      row = findUserById(db, id) as UserRow
    }
    const owner = findUserByKey(db, user.apiKey)
    if (owner && owner.id !== row.id)
      throw new Error(`that API key already belongs to user ${owner.username}`)
    sql(db, 'INSERT OR IGNORE INTO api_keys (key_hash, user_id, created_at) VALUES (?, ?, ?)').run(
      hashKey(user.apiKey),
      row.id,
      nowIso(),
    )
    return row
  })()
}

export function getMeta(db: Db, key: string): string | undefined {
  return sql<{ value: string }>(db, 'SELECT value FROM meta WHERE key = ?').get(key)?.value
}

export function setMeta(db: Db, key: string, value: string): void {
  sql(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

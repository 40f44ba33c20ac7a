import { randomBytes } from 'node:crypto'
import { nowIso } from '../util/clock.js'
import { randomApiKey } from '../util/random-id.js'
import type { Db } from './open-database.js'
import type { EntityRow, UserRow } from './rows.js'
import { sql } from './statements.js'
import { findEntity, findUserById, hashKey } from './users.js'

// Teams (entities with members and admins), invites, service accounts and API keys.

export interface MemberRow extends UserRow {
  readonly member_admin: number
  readonly account_type: string
}

export interface InviteRow {
  readonly id: number
  readonly entity_id: number
  readonly email: string | null
  readonly username: string | null
  readonly admin: number
  readonly from_user_id: number | null
  readonly created_at: string
}

export interface ApiKeyRow {
  readonly id: number
  readonly user_id: number
  readonly description: string | null
  readonly masked: string | null
  readonly created_at: string
}

/** Members of an entity with their per-team admin flag, by username. */
export function membersOf(db: Db, entityId: number): MemberRow[] {
  return sql<MemberRow>(
    db,
    `SELECT u.*, m.admin AS member_admin FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.entity_id = ? ORDER BY u.username`,
  ).all(entityId)
}

/** Team admins, and instance admins, administer a team. */
export function isTeamAdmin(db: Db, user: UserRow, entityId: number): boolean {
  if (user.admin === 1) return true
  const row = sql<{ admin: number }>(db, 'SELECT admin FROM members WHERE entity_id = ? AND user_id = ?').get(
    entityId,
    user.id,
  )
  return row?.admin === 1
}

export function addMember(db: Db, entityId: number, userId: number, admin: boolean): void {
  sql(
    db,
    `INSERT INTO members (entity_id, user_id, admin) VALUES (?, ?, ?)
     ON CONFLICT (entity_id, user_id) DO UPDATE SET admin = max(admin, excluded.admin)`,
  ).run(entityId, userId, Number(admin))
}

/** Creates a team entity with `admin` as its first (admin) member. Undefined if the name is taken. */
export function createTeam(
  db: Db,
  name: string,
  admin: UserRow,
  organizationId: number | null,
): EntityRow | undefined {
  return db.transaction(() => {
    if (findEntity(db, name)) return undefined
    sql(db, 'INSERT INTO entities (name, is_team, created_at, organization_id) VALUES (?, 1, ?, ?)').run(
      name,
      nowIso(),
      organizationId,
    )
    const entity = findEntity(db, name) as EntityRow
    addMember(db, entity.id, admin.id, true)
    return entity
  })()
}

export function createInvite(
  db: Db,
  entityId: number,
  invite: { email: string | null; username: string | null; admin: boolean; fromUserId: number },
): InviteRow {
  const id = Number(
    sql(
      db,
      'INSERT INTO invites (entity_id, email, username, admin, from_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(entityId, invite.email, invite.username, Number(invite.admin), invite.fromUserId, nowIso())
      .lastInsertRowid,
  )
  return sql<InviteRow>(db, 'SELECT * FROM invites WHERE id = ?').get(id) as InviteRow
}

export function invitesOf(db: Db, entityId: number): InviteRow[] {
  return sql<InviteRow>(db, 'SELECT * FROM invites WHERE entity_id = ? ORDER BY id').all(entityId)
}

export function deleteInvite(db: Db, entityId: number, id: number): boolean {
  return sql(db, 'DELETE FROM invites WHERE entity_id = ? AND id = ?').run(entityId, id).changes > 0
}

/**
 * A service account of a team: a user of account type `SERVICE` (no personal entity of its own
 * beyond the usual one), member of the team, with one API key, returned once.
 */
export function createServiceAccount(
  db: Db,
  team: EntityRow,
  description: string | null,
): { user: UserRow; apiKey: string; keyId: number } {
  return db.transaction(() => {
    const username = `${team.name}-sa-${randomBytes(4).toString('hex')}`
    const now = nowIso()
    sql(db, 'INSERT INTO entities (name, is_team, created_at) VALUES (?, 0, ?)').run(username, now)
    const personal = findEntity(db, username) as EntityRow
    const id = Number(
      sql(
        db,
        `INSERT INTO users (username, name, email, admin, entity_id, created_at, account_type)
         VALUES (?, ?, NULL, 0, ?, ?, 'SERVICE')`,
      ).run(username, description ?? username, personal.id, now).lastInsertRowid,
    )
    addMember(db, personal.id, id, true)
    addMember(db, team.id, id, false)
    const { key, id: keyId } = generateApiKey(db, id, description)
    return { user: findUserById(db, id) as UserRow, apiKey: key, keyId }
  })()
}

/** Users whose username or email contains `query` (W&B: prefix or suffix match), by username. */
export function searchUsers(db: Db, query: string, limit: number): UserRow[] {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return sql<UserRow>(
    db,
    `SELECT * FROM users WHERE username = ? OR email = ? OR username LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\'
     ORDER BY username = ? OR email = ? DESC, username LIMIT ?`,
  ).all(query, query, like, like, query, query, limit)
}

/** A new API key for the user. Only its hash and a masked prefix are stored. */
export function generateApiKey(
  db: Db,
  userId: number,
  description: string | null,
): { id: number; key: string } {
  const key = randomApiKey()
  const id = Number(
    sql(
      db,
      'INSERT INTO api_keys (key_hash, user_id, created_at, description, masked) VALUES (?, ?, ?, ?, ?)',
    ).run(hashKey(key), userId, nowIso(), description, `${key.slice(0, 10)}…`).lastInsertRowid,
  )
  return { id, key }
}

export function apiKeysOf(db: Db, userId: number): ApiKeyRow[] {
  return sql<ApiKeyRow>(
    db,
    'SELECT rowid AS id, user_id, description, masked, created_at FROM api_keys WHERE user_id = ? ORDER BY rowid',
  ).all(userId)
}

export function findApiKeyById(db: Db, id: number): ApiKeyRow | undefined {
  return sql<ApiKeyRow>(
    db,
    'SELECT rowid AS id, user_id, description, masked, created_at FROM api_keys WHERE rowid = ?',
  ).get(id)
}

export function deleteApiKey(db: Db, id: number): boolean {
  return sql(db, 'DELETE FROM api_keys WHERE rowid = ?').run(id).changes > 0
}

export function accountTypeOf(db: Db, userId: number): string {
  return (
    sql<{ account_type: string }>(db, 'SELECT account_type FROM users WHERE id = ?').get(userId)
      ?.account_type ?? 'USER'
  )
}

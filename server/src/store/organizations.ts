import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import type { EntityRow } from './rows.js'
import { sql } from './statements.js'
import { addMember } from './teams.js'
import { findEntity } from './users.js'

/** An organization and the name of its org entity (which holds the registries). */
export interface OrganizationRow {
  readonly id: number
  readonly name: string
  readonly org_entity_id: number
  readonly org_entity_name: string
  readonly created_at: string
}

const SELECT = `SELECT o.*, e.name AS org_entity_name FROM organizations o JOIN entities e ON e.id = o.org_entity_id`

export function findOrganization(db: Db, name: string): OrganizationRow | undefined {
  return sql<OrganizationRow>(db, `${SELECT} WHERE o.name = ?`).get(name)
}

export function findOrganizationById(db: Db, id: number): OrganizationRow | undefined {
  return sql<OrganizationRow>(db, `${SELECT} WHERE o.id = ?`).get(id)
}

/** The organization a team (or org) entity belongs to. */
export function organizationOfEntity(db: Db, entity: EntityRow): OrganizationRow | undefined {
  return (
    sql<OrganizationRow>(db, `${SELECT} WHERE o.org_entity_id = ?`).get(entity.id) ??
    sql<OrganizationRow>(
      db,
      `${SELECT} WHERE o.id = (SELECT organization_id FROM entities WHERE id = ?)`,
    ).get(entity.id)
  )
}

export function organizationsOfUser(db: Db, userId: number): OrganizationRow[] {
  return sql<OrganizationRow>(
    db,
    `${SELECT} WHERE o.id IN (SELECT organization_id FROM organization_members WHERE user_id = ?) ORDER BY o.name`,
  ).all(userId)
}

export function isOrganizationMember(db: Db, organizationId: number, userId: number): boolean {
  return (
    sql(db, 'SELECT 1 FROM organization_members WHERE organization_id = ? AND user_id = ?').get(
      organizationId,
      userId,
    ) !== undefined
  )
}

/**
 * Creates an organization with its org entity (default name: the org name) and adds members.
 * Members also join the org entity, which is what lets them read and write its registries.
 * Idempotent: an existing organization just gains the members.
 */
export function createOrganization(
  db: Db,
  name: string,
  options: { readonly entity?: string; readonly members?: readonly { id: number; admin?: boolean }[] } = {},
): OrganizationRow {
  return db.transaction(() => {
    let org = findOrganization(db, name)
    if (!org) {
      const entityName = options.entity ?? name
      const now = nowIso()
      sql(db, 'INSERT OR IGNORE INTO entities (name, is_team, created_at) VALUES (?, 1, ?)').run(
        entityName,
        now,
      )
      const entity = findEntity(db, entityName) as EntityRow
      const id = Number(
        sql(db, 'INSERT INTO organizations (name, org_entity_id, created_at) VALUES (?, ?, ?)').run(
          name,
          entity.id,
          now,
        ).lastInsertRowid,
      )
      sql(db, 'UPDATE entities SET organization_id = ? WHERE id = ?').run(id, entity.id)
      org = findOrganizationById(db, id) as OrganizationRow
    }
    for (const member of options.members ?? []) {
      sql(
        db,
        'INSERT OR IGNORE INTO organization_members (organization_id, user_id, role) VALUES (?, ?, ?)',
      ).run(org.id, member.id, member.admin ? 'admin' : 'member')
      addMember(db, org.org_entity_id, member.id, member.admin ?? false)
    }
    return org
  })()
}

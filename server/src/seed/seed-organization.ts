import type { Db } from '../store/open-database.js'
import { createOrganization } from '../store/organizations.js'
import { findUserByName } from '../store/users.js'

/** Options of `srv.createOrganization`. */
export interface NewOrganizationOptions {
  readonly name: string
  /** Name of the org entity (default: the organization name). */
  readonly entity?: string
  /** Usernames that join the organization (and its org entity). */
  readonly members?: readonly string[]
  /** Usernames that join as organization admins. */
  readonly admins?: readonly string[]
}

/** Creates (or extends) an organization; unknown usernames are an error. */
export function seedOrganization(db: Db, options: NewOrganizationOptions): { name: string; entity: string } {
  const member = (username: string, admin: boolean) => {
    const user = findUserByName(db, username)
    if (!user) throw new Error(`createOrganization: no user ${JSON.stringify(username)}`)
    return { id: user.id, admin }
  }
  const org = createOrganization(db, options.name, {
    ...(options.entity ? { entity: options.entity } : {}),
    members: [
      ...(options.members ?? []).map((u) => member(u, false)),
      ...(options.admins ?? []).map((u) => member(u, true)),
    ],
  })
  return { name: org.name, entity: org.org_entity_name }
}

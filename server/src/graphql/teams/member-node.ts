import type { InviteRow, MemberRow } from '../../store/teams.js'
import { findEntityById, findUserById } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'

/** GraphQL `Member` of a team: a user, or a pending invite (`pending: true`). */
export function memberNode(ctx: GraphqlContext, row: MemberRow, showEmail: boolean): object {
  return {
    id: encodeId('User', row.id),
    admin: row.member_admin === 1,
    role: row.member_admin === 1 ? 'admin' : 'member',
    pending: false,
    email: showEmail || row.id === ctx.viewer.id ? row.email : null,
    username: row.username,
    name: row.name,
    photoUrl: null,
    accountType: row.account_type,
    apiKey: null,
  }
}

export function pendingMemberNode(row: InviteRow, showEmail: boolean): object {
  return {
    id: encodeId('Invite', row.id),
    admin: row.admin === 1,
    role: row.admin === 1 ? 'admin' : 'member',
    pending: true,
    email: showEmail ? row.email : null,
    username: row.username,
    name: row.username ?? row.email ?? '',
    photoUrl: null,
    accountType: 'USER',
    apiKey: null,
  }
}

/** GraphQL `Invite`. */
export function inviteNode(ctx: GraphqlContext, row: InviteRow): object {
  return {
    id: encodeId('Invite', row.id),
    name: row.username ?? row.email ?? '',
    email: row.email,
    accepted: false,
    createdAt: row.created_at,
    entity: () => {
      const entity = findEntityById(ctx.db, row.entity_id)
      return entity ? ctx.nodes.entity(entity) : null
    },
    fromUser: () => {
      const user = row.from_user_id === null ? undefined : findUserById(ctx.db, row.from_user_id)
      return user ? ctx.nodes.user(user) : null
    },
    toUser: () => null,
  }
}

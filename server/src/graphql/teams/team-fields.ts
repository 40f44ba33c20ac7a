import type { GraphQLResolveInfo } from 'graphql'
import { organizationOfEntity, organizationsOfUser } from '../../store/organizations.js'
import {
  accountTypeOf,
  apiKeysOf,
  invitesOf,
  isTeamAdmin,
  membersOf,
  searchUsers,
} from '../../store/teams.js'
import type { UserRow } from '../../store/rows.js'
import { sql } from '../../store/statements.js'
import { findUserById, findUserByName, isMember } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { connectionOf } from '../artifacts/connection.js'
import { artifactNodes } from '../artifacts/create-artifact-nodes.js'
import { rowIdOf } from '../artifacts/artifact-access.js'
import { entityRowOf, userRowOf } from '../parent-rows.js'
import { assertInstanceAdmin } from './team-access.js'
import { freshKeyOf } from './fresh-keys.js'
import { inviteNode, memberNode, pendingMemberNode } from './member-node.js'

type Args = Record<string, any>
type Resolver = (source: any, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => unknown

const mayManage = (ctx: GraphqlContext, user: UserRow | undefined) =>
  user !== undefined && (user.id === ctx.viewer.id || ctx.viewer.admin === 1)

/** Root fields: `user(userName | id)` (yourself, or anyone for admins) and `users(query)` (admins). */
export const teamQueryFields: Record<string, Resolver> = {
  user: (_, args, ctx) => {
    const id = rowIdOf('User', args.id)
    const user =
      id !== undefined
        ? findUserById(ctx.db, id)
        : args.userName
          ? findUserByName(ctx.db, args.userName)
          : ctx.viewer
    if (user && user.id !== ctx.viewer.id) assertInstanceAdmin(ctx, 'look up other users')
    return user ? ctx.nodes.user(user) : null
  },
  users: (_, args, ctx) => {
    assertInstanceAdmin(ctx, 'search users')
    let rows: UserRow[]
    if (Array.isArray(args.usernames)) {
      rows = (args.usernames as string[])
        .map((u) => findUserByName(ctx.db, u))
        .filter((u): u is UserRow => !!u)
    } else if (Array.isArray(args.ids)) {
      rows = (args.ids as string[])
        .map((i) => rowIdOf('User', i))
        .map((i) => (i === undefined ? undefined : findUserById(ctx.db, i)))
        .filter((u): u is UserRow => !!u)
    } else {
      rows = searchUsers(ctx.db, String(args.query ?? ''), 10_000)
    }
    return connectionOf(
      rows,
      args,
      (u) => u.id,
      (u, cursor) => ({ node: ctx.nodes.user(u), cursor }),
    )
  },
}

/** `User` fields: `email`, `accountType`, `organizations`, and `apiKeys` (masked; a new key in full once). */
export const teamUserFields: Record<string, Resolver> = {
  /** Yourself, or anyone for instance admins (they search users by email). */
  email: (user, _args, ctx) => {
    const row = userRowOf(ctx, user)
    return mayManage(ctx, row) ? row!.email : null
  },
  accountType: (user, _args, ctx) => {
    const row = userRowOf(ctx, user)
    return row ? accountTypeOf(ctx.db, row.id) : null
  },
  organizations: (user, _args, ctx) => {
    const row = userRowOf(ctx, user)
    if (!mayManage(ctx, row)) return []
    return organizationsOfUser(ctx.db, row!.id).map((o) => artifactNodes(ctx).organization(o))
  },
  apiKeys: (user, _args, ctx) => {
    const fresh = freshKeyOf(user)
    if (fresh) return { edges: [{ node: fresh }] }
    const row = userRowOf(ctx, user)
    if (!mayManage(ctx, row)) return { edges: [] }
    return {
      edges: apiKeysOf(ctx.db, row!.id).map((k) => ({
        node: { id: encodeId('ApiKey', k.id), name: k.masked ?? '…', description: k.description },
      })),
    }
  },
}

/** `Entity` fields for teams: type, members (with pending invites), admin flags. */
export const teamEntityFields: Record<string, Resolver> = {
  entityType: (entity, _args, ctx) => {
    const row = entityRowOf(ctx, entity)
    if (!row) return 'USER'
    const org = organizationOfEntity(ctx.db, row)
    return org?.org_entity_id === row.id ? 'ORGANIZATION' : row.is_team === 1 ? 'TEAM' : 'USER'
  },
  /** Visible to the entity's members and instance admins; emails only to team admins. */
  members: (entity, _args, ctx) => {
    const row = entityRowOf(ctx, entity)
    if (!row || !(ctx.viewer.admin === 1 || isMember(ctx.db, ctx.viewer.id, row.id))) return []
    const admin = isTeamAdmin(ctx.db, ctx.viewer, row.id)
    return [
      ...membersOf(ctx.db, row.id).map((m) => memberNode(ctx, m, admin)),
      ...invitesOf(ctx.db, row.id).map((i) => pendingMemberNode(i, admin)),
    ]
  },
  pendingInvites: (entity, _args, ctx) => {
    const row = entityRowOf(ctx, entity)
    if (!row || !isTeamAdmin(ctx.db, ctx.viewer, row.id)) return []
    return invitesOf(ctx.db, row.id).map((i) => inviteNode(ctx, i))
  },
  readOnlyAdmin: (entity, _args, ctx) => {
    const row = entityRowOf(ctx, entity)
    return !row || !isTeamAdmin(ctx.db, ctx.viewer, row.id)
  },
  storageBytes: () => 0,
  codeSavingEnabled: () => false,
  isPaid: () => false,
  user: (entity, _args, ctx) => {
    const row = entityRowOf(ctx, entity)
    const user =
      row && row.is_team === 0
        ? sql<UserRow>(ctx.db, 'SELECT * FROM users WHERE entity_id = ?').get(row.id)
        : undefined
    return user ? ctx.nodes.user(user) : null
  },
}

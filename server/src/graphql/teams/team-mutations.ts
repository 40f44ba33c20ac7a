import type { GraphQLResolveInfo } from 'graphql'
import { findOrganization, findOrganizationById, isOrganizationMember } from '../../store/organizations.js'
import { checkName, NameError } from '../../store/projects.js'
import {
  createInvite,
  createServiceAccount,
  createTeam,
  deleteApiKey,
  deleteInvite,
  findApiKeyById,
  generateApiKey,
} from '../../store/teams.js'
import { findUserByName } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import { rowIdOf } from '../artifacts/artifact-access.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'
import { withFreshKey } from './fresh-keys.js'
import { inviteNode } from './member-node.js'
import { administeredTeam, forbidden } from './team-access.js'

type Args = { input: Record<string, any> }
type Resolver = (source: unknown, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => unknown

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Team and key mutations; permission failures are GraphQL errors with code PERMISSION_ERROR. */
export const teamMutationFields: Record<string, Resolver> = {
  /** A key for the viewer; the response carries it in full (`apiKey.name`), once. */
  generateApiKey: (_, { input }, ctx) => {
    const { id, key } = generateApiKey(ctx.db, ctx.viewer.id, str(input.description))
    return {
      clientMutationId: input.clientMutationId ?? null,
      apiKey: { id: encodeId('ApiKey', id), name: key, description: str(input.description) },
    }
  },
  /** Your own keys, or anyone's for instance admins; an unknown id answers `success: false`. */
  deleteApiKey: (_, { input }, ctx) => {
    const id = rowIdOf('ApiKey', str(input.id))
    const key = id === undefined ? undefined : findApiKeyById(ctx.db, id)
    if (!key) return { clientMutationId: input.clientMutationId ?? null, success: false }
    if (key.user_id !== ctx.viewer.id && ctx.viewer.admin !== 1)
      throw forbidden("you cannot delete another user's API key")
    return { clientMutationId: input.clientMutationId ?? null, success: deleteApiKey(ctx.db, key.id) }
  },
  /**
   * A team administered by `teamAdminUserName` (default: you). Naming someone else, or putting
   * the team in an organization you are not a member of, needs instance admin rights.
   */
  createTeam: (_, { input }, ctx) => {
    const name = String(input.teamName ?? '')
    try {
      checkName('team', name)
    } catch (error) {
      throw error instanceof NameError ? userError(error.message) : error
    }
    const adminName = str(input.teamAdminUserName)
    const admin = adminName ? findUserByName(ctx.db, adminName) : ctx.viewer
    if (!admin) throw notFound(`user ${adminName}`)
    if (admin.id !== ctx.viewer.id && ctx.viewer.admin !== 1) {
      throw forbidden('only instance admins can create a team for another user')
    }
    const orgRef = str(input.organizationId)
    const orgId = rowIdOf('Organization', orgRef)
    const org =
      orgId !== undefined
        ? findOrganizationById(ctx.db, orgId)
        : orgRef
          ? findOrganization(ctx.db, orgRef)
          : undefined
    if (orgRef && !org) throw notFound(`organization ${orgRef}`)
    if (org && ctx.viewer.admin !== 1 && !isOrganizationMember(ctx.db, org.id, ctx.viewer.id)) {
      throw forbidden(`you are not a member of organization ${org.name}`)
    }
    const team = createTeam(ctx.db, name, admin, org?.id ?? null)
    if (!team) throw userError(`entity ${name} already exists`, 'CONFLICT')
    return { clientMutationId: input.clientMutationId ?? null, entity: ctx.nodes.entity(team) }
  },
  /** Invites a user (by username or email) to a team; team admins only. */
  createInvite: (_, { input }, ctx) => {
    const team = administeredTeam(ctx, str(input.entityName), 'invite members')
    const username = str(input.username)
    const email = str(input.email)
    if (!username && !email) throw userError('createInvite needs an email or a username')
    if (username && !findUserByName(ctx.db, username)) throw notFound(`user ${username}`)
    const admin = input.admin === true || input.role === 'admin'
    const invite = createInvite(ctx.db, team.id, { email, username, admin, fromUserId: ctx.viewer.id })
    return {
      clientMutationId: input.clientMutationId ?? null,
      success: true,
      invite: inviteNode(ctx, invite),
      entity: ctx.nodes.entity(team),
    }
  },
  deleteInvite: (_, { input }, ctx) => {
    const team = administeredTeam(ctx, str(input.entityName), 'delete invites')
    const id = rowIdOf('Invite', str(input.id))
    return {
      clientMutationId: input.clientMutationId ?? null,
      success: id !== undefined && deleteInvite(ctx.db, team.id, id),
    }
  },
  /** A service account of a team (team admins only); the response's `user.apiKeys` holds its key. */
  createServiceAccount: (_, { input }, ctx) => {
    const team = administeredTeam(ctx, str(input.entityName), 'create service accounts')
    const description = str(input.description)
    const { user, apiKey, keyId } = createServiceAccount(ctx.db, team, description)
    const node = withFreshKey(ctx.nodes.user(user), {
      id: encodeId('ApiKey', keyId),
      name: apiKey,
      description,
    })
    return { clientMutationId: input.clientMutationId ?? null, user: node }
  },
}

import { GraphQLError } from 'graphql'
import type { EntityRow } from '../../store/rows.js'
import { isTeamAdmin } from '../../store/teams.js'
import { findEntity } from '../../store/users.js'
import type { GraphqlContext } from '../context.js'
import { notFound } from '../errors.js'

/** A permission error (`extensions.code` PERMISSION_ERROR), for admin-only operations. */
export const forbidden = (message: string): GraphQLError =>
  new GraphQLError(`permission denied: ${message}`, { extensions: { code: 'PERMISSION_ERROR' } })

/** Throws unless the viewer is an instance admin. */
export function assertInstanceAdmin(ctx: GraphqlContext, what: string): void {
  if (ctx.viewer.admin !== 1) throw forbidden(`only instance admins can ${what}`)
}

/** The team entity `name`, if the viewer administers it (else a not-found or permission error). */
export function administeredTeam(
  ctx: GraphqlContext,
  name: string | null | undefined,
  what: string,
): EntityRow {
  const team = name ? findEntity(ctx.db, name) : undefined
  if (!team || team.is_team !== 1) throw notFound(`team ${name ?? '(no entityName)'}`)
  if (!isTeamAdmin(ctx.db, ctx.viewer, team.id))
    throw forbidden(`only admins of team ${team.name} can ${what}`)
  return team
}

import { findProjectById } from '../store/projects.js'
import type { EntityRow, ProjectRow, RunRow, UserRow } from '../store/rows.js'
import { findRun } from '../store/runs.js'
import { findEntity, findUserById } from '../store/users.js'
import { decodeId } from '../util/opaque-id.js'
import type { GraphqlContext } from './context.js'

// Extension resolvers get the node objects of the core schema (ProjectNode, RunNode, ...) as
// their parent. These recover the row behind a node from its public fields only, so the
// extensions need no access to the node classes' internals.

export function projectRowOf(ctx: GraphqlContext, node: unknown): ProjectRow | undefined {
  const id = Number((node as { internalId?: unknown }).internalId)
  return Number.isSafeInteger(id) ? findProjectById(ctx.db, id) : undefined
}

export function runRowOf(ctx: GraphqlContext, node: unknown): RunRow | undefined {
  const { projectId, name } = node as { projectId?: unknown; name?: unknown }
  return typeof projectId === 'number' && typeof name === 'string'
    ? findRun(ctx.db, projectId, name)
    : undefined
}

export function entityRowOf(ctx: GraphqlContext, node: unknown): EntityRow | undefined {
  const { name } = node as { name?: unknown }
  return typeof name === 'string' ? findEntity(ctx.db, name) : undefined
}

export function userRowOf(ctx: GraphqlContext, node: unknown): UserRow | undefined {
  const { id } = node as { id?: unknown }
  const raw = typeof id === 'string' ? decodeId('User', id)?.[0] : undefined
  return raw === undefined ? undefined : findUserById(ctx.db, Number(raw))
}

import { findProject, upsertProject } from '../../store/projects.js'
import { assertWritable, entityOrDefault } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { writableProject } from './upsert-bucket.js'

interface UpsertModelInput {
  readonly clientMutationId?: string | null
  readonly name?: string | null
  readonly entityName?: string | null
  readonly description?: string | null
  readonly access?: string | null
}

const ACCESS = ['PRIVATE', 'USER_READ', 'USER_WRITE', 'ENTITY_READ', 'ENTITY_WRITE', 'PUBLIC']

/** `upsertModel`: create or update a project (`access` USER_READ makes it readable by all). */
export function upsertModel(args: { input: UpsertModelInput }, ctx: GraphqlContext): unknown {
  const { input } = args
  if (!input.name) throw userError('upsertModel needs a name')
  if (input.access != null && !ACCESS.includes(input.access)) {
    throw userError(`invalid access ${JSON.stringify(input.access)} (one of ${ACCESS.join(', ')})`)
  }
  const entityName = entityOrDefault(ctx, input.entityName)
  const name = input.name
  const result = ctx.db.transaction(() => {
    const before = findProject(ctx.db, entityName, name)
    if (before) assertWritable(ctx, before)
    else writableProject(ctx, entityName, name)
    const { project } = upsertProject(ctx.db, entityName, name, {
      description: input.description ?? null,
      access: input.access ?? null,
    })
    return { project, inserted: !before }
  })()
  const node = ctx.nodes.project(result.project)
  return {
    clientMutationId: input.clientMutationId ?? null,
    project: node,
    model: node,
    inserted: result.inserted,
    entityName,
  }
}

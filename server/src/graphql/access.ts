import { canRead, canWrite, canWriteEntity, findProject } from '../store/projects.js'
import type { ProjectRow, RunRow } from '../store/rows.js'
import { findRun } from '../store/runs.js'
import { decodeRunId } from '../util/opaque-id.js'
import type { GraphqlContext } from './context.js'
import { notFound, permissionDenied, userError } from './errors.js'

/** The viewer's default entity (its personal one) when a query leaves `entityName` out. */
export function entityOrDefault(ctx: GraphqlContext, entityName: string | null | undefined): string {
  return entityName || ctx.viewer.username
}

/**
 * A project the viewer may read, else undefined. Unknown and private-to-others projects look
 * the same (null), as on W&B, so names of private projects do not leak.
 */
export function readableProject(
  ctx: GraphqlContext,
  entityName: string | null | undefined,
  name: string | null | undefined,
): ProjectRow | undefined {
  if (!name) return undefined
  const project = findProject(ctx.db, entityOrDefault(ctx, entityName), name)
  return project && canRead(ctx.db, ctx.viewer, project) ? project : undefined
}

/** Throws unless the viewer may write to `project`. */
export function assertWritable(ctx: GraphqlContext, project: ProjectRow): void {
  if (!canWrite(ctx.db, ctx.viewer, project)) throw permissionDenied(`${project.entity_name}/${project.name}`)
}

export function assertEntityWritable(ctx: GraphqlContext, entityName: string): void {
  if (!canWriteEntity(ctx.db, ctx.viewer, entityName)) throw permissionDenied(`entity ${entityName}`)
}

/** Resolves a run storage id (`Run:v1:name:project:entity`) the viewer may write. */
export function writableRunById(ctx: GraphqlContext, id: string): { project: ProjectRow; run: RunRow } {
  const parts = decodeRunId(id)
  if (!parts) throw userError(`malformed run id ${JSON.stringify(id)}`)
  const project = findProject(ctx.db, parts.entity, parts.project)
  const run =
    project && canRead(ctx.db, ctx.viewer, project) ? findRun(ctx.db, project.id, parts.name) : undefined
  if (!project || !run) throw notFound(`run ${parts.entity}/${parts.project}/${parts.name}`)
  assertWritable(ctx, project)
  return { project, run }
}

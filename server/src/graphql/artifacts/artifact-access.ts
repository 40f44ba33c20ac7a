import type { ArtifactRow, CollectionRow } from '../../store/artifact-rows.js'
import { findArtifactById, findCollectionById } from '../../store/artifacts.js'
import { canRead, findProjectById } from '../../store/projects.js'
import type { ProjectRow } from '../../store/rows.js'
import { decodeId } from '../../util/opaque-id.js'
import { assertWritable } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'

/** The numeric row id inside a GraphQL id of `type` (`Artifact:v1:42` → 42). */
export function rowIdOf(type: string, id: string | null | undefined): number | undefined {
  const raw = id ? decodeId(type, id)?.[0] : undefined
  const n = Number(raw)
  return raw !== undefined && Number.isSafeInteger(n) ? n : undefined
}

/** An artifact with its sequence and project, if the viewer may read it. */
export function readableArtifact(
  ctx: GraphqlContext,
  id: string | null | undefined,
): { artifact: ArtifactRow; sequence: CollectionRow; project: ProjectRow } | undefined {
  const rowId = rowIdOf('Artifact', id)
  const artifact = rowId === undefined ? undefined : findArtifactById(ctx.db, rowId)
  const sequence = artifact && findCollectionById(ctx.db, artifact.sequence_id)
  const project = sequence && findProjectById(ctx.db, sequence.project_id)
  if (!artifact || !sequence || !project || !canRead(ctx.db, ctx.viewer, project)) return undefined
  return { artifact, sequence, project }
}

/** Like {@link readableArtifact}, but throws unless the viewer may also write its project. */
export function writableArtifact(
  ctx: GraphqlContext,
  id: string | null | undefined,
): { artifact: ArtifactRow; sequence: CollectionRow; project: ProjectRow } {
  if (!id) throw userError('artifactID is required')
  const found = readableArtifact(ctx, id)
  if (!found) throw notFound(`artifact ${id}`)
  assertWritable(ctx, found.project)
  return found
}

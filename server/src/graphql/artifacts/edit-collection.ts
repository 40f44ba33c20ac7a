import { editCollection, removeCollectionTags, removeMembership } from '../../store/artifact-edits.js'
import type { CollectionKind, CollectionRow } from '../../store/artifact-rows.js'
import {
  addCollectionTags,
  collectionTags,
  findCollection,
  findCollectionById,
} from '../../store/artifacts.js'
import { canRead, findProject, findProjectById } from '../../store/projects.js'
import type { ProjectRow } from '../../store/rows.js'
import { encodeId } from '../../util/opaque-id.js'
import { assertWritable } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'
import { readableArtifact, rowIdOf } from './artifact-access.js'
import { artifactNodes } from './create-artifact-nodes.js'

interface CollectionEdit {
  readonly clientMutationId?: string | null
  readonly name?: string | null
  readonly description?: string | null
}
interface TagAssignments {
  readonly clientMutationID?: string | null
  readonly entityName: string
  readonly projectName: string
  readonly artifactCollectionName: string
  readonly tags: readonly { tagName: string }[]
}

/** A collection by GraphQL id that the viewer may write (unknown and unreadable look alike). */
function writableCollection(
  ctx: GraphqlContext,
  id: string | null | undefined,
  kind?: CollectionKind,
): { collection: CollectionRow; project: ProjectRow } {
  const rowId = rowIdOf('ArtifactCollection', id)
  const collection = rowId === undefined ? undefined : findCollectionById(ctx.db, rowId)
  const project = collection && findProjectById(ctx.db, collection.project_id)
  if (
    !collection ||
    !project ||
    !canRead(ctx.db, ctx.viewer, project) ||
    (kind && collection.kind !== kind)
  ) {
    throw notFound(`artifact collection ${id ?? ''}`)
  }
  assertWritable(ctx, project)
  return { collection, project }
}

function writableCollectionByName(ctx: GraphqlContext, input: TagAssignments): CollectionRow {
  const project = findProject(ctx.db, input.entityName, input.projectName)
  const collection =
    project &&
    canRead(ctx.db, ctx.viewer, project) &&
    findCollection(ctx.db, project.id, input.artifactCollectionName)
  if (!project || !collection) {
    throw notFound(
      `artifact collection ${input.entityName}/${input.projectName}/${input.artifactCollectionName}`,
    )
  }
  assertWritable(ctx, project)
  return collection
}

function update(ctx: GraphqlContext, id: string, kind: CollectionKind, input: CollectionEdit): unknown {
  const { collection, project } = writableCollection(ctx, id, kind)
  const name = input.name ?? undefined
  if (name !== undefined && name !== collection.name) {
    if (!/^[-\w.]{1,128}$/.test(name))
      throw userError(`invalid artifact collection name ${JSON.stringify(name)}`)
    if (findCollection(ctx.db, project.id, name))
      throw userError(`artifact collection ${name} already exists`)
  }
  editCollection(ctx.db, collection.id, {
    ...(name !== undefined ? { name } : {}),
    ...('description' in input ? { description: input.description ?? null } : {}),
  })
  return {
    clientMutationId: input.clientMutationId ?? null,
    artifactCollection: artifactNodes(ctx).collection(findCollectionById(ctx.db, collection.id)!),
  }
}

/** `updateArtifactSequence`: rename or re-describe a collection of logged versions. */
export const updateArtifactSequence = (
  _: unknown,
  args: { input: CollectionEdit & { artifactSequenceID: string } },
  ctx: GraphqlContext,
): unknown => update(ctx, args.input.artifactSequenceID, 'SEQUENCE', args.input)

/** `updateArtifactPortfolio`: rename or re-describe a collection of linked versions. */
export const updateArtifactPortfolio = (
  _: unknown,
  args: { input: CollectionEdit & { artifactPortfolioID: string } },
  ctx: GraphqlContext,
): unknown => update(ctx, args.input.artifactPortfolioID, 'PORTFOLIO', args.input)

/** `createArtifactCollectionTagAssignments`: adds tags to a collection; answers the added tags. */
export function createArtifactCollectionTagAssignments(
  _: unknown,
  args: { input: TagAssignments },
  ctx: GraphqlContext,
): unknown {
  const collection = writableCollectionByName(ctx, args.input)
  const names = args.input.tags.map((t) => t.tagName)
  addCollectionTags(ctx.db, collection.id, names)
  const kept = new Set(collectionTags(ctx.db, collection.id))
  return {
    clientMutationID: args.input.clientMutationID ?? null,
    tags: names
      .filter((n) => kept.has(n))
      .map((name) => ({ id: encodeId('Tag', name), name, tagCategoryName: '', attributes: null })),
  }
}

/** `deleteArtifactCollectionTagAssignments`: removes tags from a collection. */
export function deleteArtifactCollectionTagAssignments(
  _: unknown,
  args: { input: TagAssignments },
  ctx: GraphqlContext,
): unknown {
  const collection = writableCollectionByName(ctx, args.input)
  removeCollectionTags(
    ctx.db,
    collection.id,
    args.input.tags.map((t) => t.tagName),
  )
  return { clientMutationID: args.input.clientMutationID ?? null, success: true }
}

/** `unlinkArtifact`: takes a version out of a portfolio (the source version is untouched). */
export function unlinkArtifact(
  _: unknown,
  args: { input: { clientMutationId?: string | null; artifactID: string; artifactPortfolioID: string } },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const found = readableArtifact(ctx, input.artifactID)
  if (!found) throw notFound(`artifact ${input.artifactID}`)
  const { collection } = writableCollection(ctx, input.artifactPortfolioID, 'PORTFOLIO')
  const removed = ctx.db.transaction(() => removeMembership(ctx.db, collection.id, found.artifact.id))()
  if (!removed) throw notFound(`artifact ${input.artifactID} in portfolio ${collection.name}`)
  return { clientMutationId: input.clientMutationId ?? null, artifactID: input.artifactID, success: true }
}

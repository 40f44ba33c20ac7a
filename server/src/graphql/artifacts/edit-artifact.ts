import {
  editArtifact,
  removeAlias,
  removeArtifactTags,
  setAlias,
  softDeleteArtifact,
  userAliasesOf,
} from '../../store/artifact-edits.js'
import type { CollectionRow } from '../../store/artifact-rows.js'
import {
  aliasesOf,
  findArtifactById,
  findCollection,
  findMembershipByArtifact,
  setArtifactTags,
} from '../../store/artifacts.js'
import { findProject } from '../../store/projects.js'
import { parseExtendedJson } from '../../util/extended-json.js'
import { assertWritable } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'
import { writableArtifact } from './artifact-access.js'
import { artifactNodes } from './create-artifact-nodes.js'

interface TagInput {
  readonly tagName: string
}
interface CollectionAlias {
  readonly alias: string
  readonly artifactCollectionName: string
  readonly entityName?: string
  readonly projectName?: string
}
interface UpdateArtifactInput {
  readonly clientMutationId?: string | null
  readonly artifactID: string
  readonly description?: string | null
  readonly metadata?: string | null
  readonly ttlDurationSeconds?: number | null
  readonly aliases?: readonly CollectionAlias[] | null
  readonly tagsToAdd?: readonly TagInput[] | null
  readonly tagsToDelete?: readonly TagInput[] | null
}
interface AliasesInput {
  readonly clientMutationId?: string | null
  readonly artifactID: string
  readonly aliases: readonly CollectionAlias[]
}

/** W&B's TTL codes: -1 inherits the collection's TTL (stored as null), -2 disables it. */
const INHERIT_TTL = -1

function checkAlias(alias: string): string {
  if (!alias || alias.length > 128 || /[/:]/.test(alias))
    throw userError(`invalid alias ${JSON.stringify(alias)}`)
  if (/^v\d+$/.test(alias)) throw userError(`alias ${alias} is reserved: version names cannot be aliases`)
  return alias
}

function metadataText(text: string): string {
  let value: unknown
  try {
    value = parseExtendedJson(text)
  } catch {
    throw userError('metadata is not valid JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw userError('metadata must be a JSON object')
  }
  return text
}

/**
 * The collection an alias names: by entity/project/name when given (addAliases), else in the
 * artifact's own project. The artifact must be one of its versions, and its project writable.
 */
function memberCollection(
  ctx: GraphqlContext,
  artifactId: number,
  ownProject: { entity_name: string; name: string },
  alias: CollectionAlias,
): CollectionRow {
  const entity = alias.entityName || ownProject.entity_name
  const projectName = alias.projectName || ownProject.name
  const project = findProject(ctx.db, entity, projectName)
  const collection = project && findCollection(ctx.db, project.id, alias.artifactCollectionName)
  if (!project || !collection || !findMembershipByArtifact(ctx.db, collection.id, artifactId)) {
    throw notFound(
      `artifact ${artifactId} in collection ${entity}/${projectName}/${alias.artifactCollectionName}`,
    )
  }
  assertWritable(ctx, project)
  return collection
}

/** `updateArtifact`: description, metadata, TTL, tags, and (legacy) the aliases per collection. */
export function updateArtifact(
  _: unknown,
  args: { input: UpdateArtifactInput },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const { artifact, project } = writableArtifact(ctx, input.artifactID)
  ctx.db.transaction(() => {
    const ttl = input.ttlDurationSeconds
    editArtifact(ctx.db, artifact.id, {
      ...('description' in input ? { description: input.description ?? null } : {}),
      ...(input.metadata != null ? { metadata: metadataText(input.metadata) } : {}),
      ...(ttl != null ? { ttlDurationSeconds: ttl === INHERIT_TTL ? null : ttl } : {}),
    })
    setArtifactTags(
      ctx.db,
      artifact.id,
      (input.tagsToAdd ?? []).map((t) => t.tagName),
    )
    removeArtifactTags(
      ctx.db,
      artifact.id,
      (input.tagsToDelete ?? []).map((t) => t.tagName),
    )
    if (input.aliases) {
      const byCollection = new Map<number, Set<string>>()
      for (const alias of input.aliases) {
        const collection = memberCollection(ctx, artifact.id, project, alias)
        const wanted = byCollection.get(collection.id) ?? new Set<string>()
        byCollection.set(collection.id, wanted.add(checkAlias(alias.alias)))
      }
      for (const [collectionId, wanted] of byCollection) {
        for (const old of aliasesOf(ctx.db, collectionId, artifact.id)) {
          if (!wanted.has(old.alias) && old.alias !== 'latest')
            removeAlias(ctx.db, collectionId, artifact.id, old.alias)
        }
        for (const alias of wanted) setAlias(ctx.db, collectionId, artifact.id, alias)
      }
    }
  })()
  const row = findArtifactById(ctx.db, artifact.id)!
  return { clientMutationId: input.clientMutationId ?? null, artifact: artifactNodes(ctx).artifact(row) }
}

function editAliases(ctx: GraphqlContext, input: AliasesInput, add: boolean): unknown {
  const { artifact, project } = writableArtifact(ctx, input.artifactID)
  ctx.db.transaction(() => {
    for (const alias of input.aliases) {
      const collection = memberCollection(ctx, artifact.id, project, alias)
      if (add) setAlias(ctx.db, collection.id, artifact.id, checkAlias(alias.alias))
      else removeAlias(ctx.db, collection.id, artifact.id, alias.alias)
    }
  })()
  return { clientMutationId: input.clientMutationId ?? null, success: true }
}

/** `addAliases`: each alias moves to this artifact in its collection (off the version holding it). */
export const addAliases = (_: unknown, args: { input: AliasesInput }, ctx: GraphqlContext): unknown =>
  editAliases(ctx, args.input, true)

/** `deleteAliases`: removes the artifact's aliases in the named collections. */
export const deleteAliases = (_: unknown, args: { input: AliasesInput }, ctx: GraphqlContext): unknown =>
  editAliases(ctx, args.input, false)

/**
 * `deleteArtifact`: a version with aliases (other than `latest`) is only deleted with
 * `deleteAliases: true`, as on W&B; see {@link softDeleteArtifact} for what deleting means.
 */
export function deleteArtifact(
  _: unknown,
  args: { input: { clientMutationId?: string | null; artifactID: string; deleteAliases?: boolean | null } },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const { artifact } = writableArtifact(ctx, input.artifactID)
  ctx.db.transaction(() => {
    const aliases = userAliasesOf(ctx.db, artifact.id)
    if (aliases.length > 0 && !input.deleteAliases) {
      throw userError(
        `cannot delete an artifact that has aliases (${aliases.join(', ')}): remove them first or set deleteAliases`,
      )
    }
    softDeleteArtifact(ctx.db, artifact.id)
  })()
  const row = findArtifactById(ctx.db, artifact.id)!
  return { clientMutationId: input.clientMutationId ?? null, artifact: artifactNodes(ctx).artifact(row) }
}

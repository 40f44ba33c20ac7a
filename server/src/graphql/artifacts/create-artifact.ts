import {
  createArtifact as insertArtifact,
  ensureArtifactType,
  ensureCollection,
  findArtifactTypeById,
  findCommittedByDigest,
  addMembership,
  setArtifactTags,
} from '../../store/artifacts.js'
import { checkName, NameError } from '../../store/projects.js'
import { findRun } from '../../store/runs.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { writableProject } from '../mutations/upsert-bucket.js'
import { artifactNodes } from './create-artifact-nodes.js'

interface CreateArtifactInput {
  readonly clientMutationId?: string | null
  readonly artifactTypeName: string
  readonly artifactCollectionName?: string | null
  readonly artifactCollectionNames?: readonly string[] | null
  readonly entityName: string
  readonly projectName: string
  readonly runName?: string | null
  readonly description?: string | null
  readonly digest: string
  readonly metadata?: string | null
  readonly aliases?: readonly { artifactCollectionName: string; alias: string }[] | null
  readonly tags?: readonly { tagName: string }[] | null
  readonly ttlDurationSeconds?: number | null
  readonly historyStep?: number | null
  readonly enableDigestDeduplication?: boolean | null
  readonly clientID?: string | null
  readonly sequenceClientID?: string | null
}

/**
 * `createArtifact`: a PENDING version of the sequence `artifactCollectionName` (created with
 * its type on first use). With `enableDigestDeduplication`, an already committed version with
 * the same digest is returned instead (state COMMITTED), and the logger uploads nothing.
 */
export function createArtifact(
  _: unknown,
  args: { input: CreateArtifactInput },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const name = input.artifactCollectionName ?? input.artifactCollectionNames?.[0]
  if (!name) throw userError('createArtifact needs artifactCollectionName')
  try {
    checkName('artifact', name)
    checkName('artifact type', input.artifactTypeName)
  } catch (error) {
    throw error instanceof NameError ? userError(error.message) : error
  }
  if (input.metadata) {
    try {
      JSON.parse(input.metadata)
    } catch {
      throw userError('metadata is not valid JSON')
    }
  }
  const artifact = ctx.db.transaction(() => {
    const project = writableProject(ctx, input.entityName, input.projectName)
    const type = ensureArtifactType(ctx.db, project.id, input.artifactTypeName)
    const sequence = ensureCollection(ctx.db, project.id, type.id, name, 'SEQUENCE', input.description)
    if (sequence.kind !== 'SEQUENCE')
      throw userError(`${name} is a portfolio; artifacts are logged to sequences`)
    if (sequence.type_id !== type.id) {
      const existing = findArtifactTypeById(ctx.db, sequence.type_id)?.name
      throw userError(
        `artifact collection ${name} already exists with type ${existing}, not ${input.artifactTypeName}`,
      )
    }
    const aliases = (input.aliases ?? []).filter((a) => a.artifactCollectionName === name).map((a) => a.alias)
    if (input.enableDigestDeduplication) {
      const same = findCommittedByDigest(ctx.db, sequence.id, input.digest)
      if (same) {
        if (aliases.length > 0) addMembership(ctx.db, sequence.id, same.id, aliases)
        return same
      }
    }
    const run = input.runName ? findRun(ctx.db, project.id, input.runName) : undefined
    const created = insertArtifact(ctx.db, {
      sequenceId: sequence.id,
      typeId: type.id,
      digest: input.digest,
      description: input.description ?? null,
      metadata: input.metadata ?? null,
      clientId: input.clientID ?? null,
      sequenceClientId: input.sequenceClientID ?? null,
      historyStep: input.historyStep ?? null,
      ttlDurationSeconds: input.ttlDurationSeconds ?? null,
      aliases,
      runId: run?.id ?? null,
    })
    setArtifactTags(
      ctx.db,
      created.id,
      (input.tags ?? []).map((t) => t.tagName),
    )
    return created
  })()
  return { clientMutationId: input.clientMutationId ?? null, artifact: artifactNodes(ctx).artifact(artifact) }
}

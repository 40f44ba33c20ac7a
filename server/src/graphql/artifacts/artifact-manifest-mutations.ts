import { ensureBlob, findManifestById, setManifest } from '../../store/artifact-blobs.js'
import { findArtifactById } from '../../store/artifacts.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'
import { rowIdOf, writableArtifact } from './artifact-access.js'
import { artifactNodes } from './create-artifact-nodes.js'
import { encodeId } from '../../util/opaque-id.js'

interface CreateManifestInput {
  readonly clientMutationId?: string | null
  readonly artifactID: string
  readonly name: string
  readonly digest: string
  readonly type?: string | null
}

/**
 * `createArtifactManifest`: registers the manifest file of a pending artifact; the logger PUTs
 * the manifest JSON to `artifactManifest.file.uploadUrl` before `commitArtifact`.
 */
export function createArtifactManifest(
  _: unknown,
  args: { input: CreateManifestInput },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const { artifact } = writableArtifact(ctx, input.artifactID)
  if (artifact.state === 'COMMITTED') throw userError('the artifact is already committed')
  const manifest = ctx.db.transaction(() => {
    const blob = ensureBlob(ctx.db, artifact.id, 'manifest', input.name || 'wandb_manifest.json', null)
    return setManifest(ctx.db, artifact.id, blob.id, input.digest, input.type ?? 'FULL')
  })()
  return {
    clientMutationId: input.clientMutationId ?? null,
    artifactManifest: artifactNodes(ctx).manifest(manifest),
  }
}

interface UpdateManifestInput {
  readonly clientMutationId?: string | null
  readonly artifactManifestID: string
  readonly digest?: string | null
}

/** `updateArtifactManifest`: a new digest (and a fresh upload URL) for a pending artifact's manifest. */
export function updateArtifactManifest(
  _: unknown,
  args: { input: UpdateManifestInput },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const id = rowIdOf('ArtifactManifest', input.artifactManifestID)
  const manifest = id === undefined ? undefined : findManifestById(ctx.db, id)
  const artifact = manifest && findArtifactById(ctx.db, manifest.artifact_id)
  if (!manifest || !artifact) throw notFound(`artifact manifest ${input.artifactManifestID}`)
  writableArtifact(ctx, encodeId('Artifact', artifact.id))
  const updated = setManifest(
    ctx.db,
    artifact.id,
    manifest.blob_id,
    input.digest ?? manifest.digest,
    manifest.type,
  )
  return {
    clientMutationId: input.clientMutationId ?? null,
    artifactManifest: artifactNodes(ctx).manifest(updated),
  }
}

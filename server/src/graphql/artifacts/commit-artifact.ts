import { blobContent, findManifest, manifestEntries } from '../../store/artifact-blobs.js'
import { commitArtifact as commit } from '../../store/artifacts.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { blobForEntry } from './artifact-files.js'
import { writableArtifact } from './artifact-access.js'
import { artifactNodes } from './create-artifact-nodes.js'

/**
 * `commitArtifact`: checks that the manifest and every file it lists were uploaded, then makes
 * the artifact the next version of its sequence (`latest` moves to it). Idempotent.
 */
export function commitArtifact(
  _: unknown,
  args: { input: { clientMutationId?: string | null; artifactID: string } },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const { artifact } = writableArtifact(ctx, input.artifactID)
  const nodes = artifactNodes(ctx)
  if (artifact.state !== 'COMMITTED') {
    const manifest = findManifest(ctx.db, artifact.id)
    if (!manifest || !blobContent(ctx.db, manifest.blob_id))
      throw userError('the artifact manifest was not uploaded')
    const entries = manifestEntries(ctx.db, artifact.id)
    const missing = entries
      .filter((e) => e.ref === undefined && !blobForEntry(nodes, artifact, e))
      .map((e) => e.path)
    if (missing.length > 0) throw userError(`files not uploaded: ${missing.slice(0, 10).join(', ')}`)
    const size = entries.reduce((sum, e) => sum + e.size, 0)
    return {
      clientMutationId: input.clientMutationId ?? null,
      artifact: nodes.artifact(commit(ctx.db, artifact.id, { size, fileCount: entries.length })),
    }
  }
  return { clientMutationId: input.clientMutationId ?? null, artifact: nodes.artifact(artifact) }
}

import { blobContent, ensureBlob, findBlobByMd5, putBlobContent } from '../../store/artifact-blobs.js'
import type { BlobRow } from '../../store/artifact-rows.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { pageInfo } from '../nodes/page-info.js'
import { writableArtifact } from './artifact-access.js'
import { artifactNodes } from './create-artifact-nodes.js'

interface FileSpec {
  readonly artifactID: string
  readonly name: string
  readonly md5: string
  readonly mimetype?: string | null
}

/**
 * `createArtifactFiles`: registers files of pending artifacts and answers each with a signed
 * upload URL and the headers to PUT with (`Content-MD5` is checked on upload, as S3 does).
 * Content the server already stores under the same MD5 is reused: that file's `uploadUrl` is
 * null, so the logger skips the upload.
 */
export function createArtifactFiles(
  _: unknown,
  args: { input: { clientMutationId?: string | null; artifactFiles: readonly FileSpec[] } },
  ctx: GraphqlContext,
): unknown {
  const { input } = args
  const blobs = ctx.db.transaction(() =>
    input.artifactFiles.map((spec): BlobRow => {
      const { artifact } = writableArtifact(ctx, spec.artifactID)
      if (artifact.state === 'COMMITTED') throw userError('the artifact is already committed')
      if (!spec.name || spec.name.startsWith('/') || spec.name.split('/').includes('..')) {
        throw userError(`invalid artifact file name ${JSON.stringify(spec.name)}`)
      }
      let blob = ensureBlob(ctx.db, artifact.id, 'file', spec.name, spec.md5)
      const known = blob.size_bytes === null ? findBlobByMd5(ctx.db, spec.md5) : undefined
      const bytes = known && blobContent(ctx.db, known.id)
      if (bytes) {
        putBlobContent(ctx.db, blob.id, bytes)
        blob = ensureBlob(ctx.db, artifact.id, 'file', spec.name, spec.md5)
      }
      return blob
    }),
  )()
  const nodes = artifactNodes(ctx)
  const edges = blobs.map((b) => ({ node: nodes.file(b), cursor: String(b.id) }))
  return {
    clientMutationId: input.clientMutationId ?? null,
    files: {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        false,
        false,
      ),
      uploadHeaders: [],
    },
  }
}

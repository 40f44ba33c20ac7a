import { blobContent, findBlobById, putBlobContent } from '../../store/artifact-blobs.js'
import { BLOB_GET, BLOB_PUT } from '../../graphql/artifacts/blob-urls.js'
import { errorJson, json, type Reply } from '../reply.js'
import type { ServerState } from '../server-state.js'

/**
 * GET /artifact-blobs/{id}/{path}?exp&sig: an artifact file or manifest by signed URL (no API
 * key, like a storage bucket). Sends `Content-MD5` (base64) so clients can check the bytes.
 */
export function artifactBlobDownloadRoute(state: ServerState, id: number, query: URLSearchParams): Reply {
  if (!state.signer.verify(BLOB_GET, id, query)) return errorJson(403, 'invalid or expired signature')
  const blob = findBlobById(state.db, id)
  const content = blob && blobContent(state.db, id)
  if (!blob || !content) return errorJson(404, 'file not found')
  return {
    status: 200,
    body: content,
    headers: {
      'content-type': blob.mimetype ?? 'application/octet-stream',
      ...(blob.md5 ? { 'content-md5': blob.md5 } : {}),
    },
  }
}

/** PUT /artifact-blobs/{id}?exp&sig: the upload URL of `createArtifactFiles` / `createArtifactManifest`. */
export function artifactBlobUploadRoute(
  state: ServerState,
  id: number,
  query: URLSearchParams,
  body: Buffer,
): Reply {
  if (!state.signer.verify(BLOB_PUT, id, query)) return errorJson(403, 'invalid or expired signature')
  if (!findBlobById(state.db, id)) return errorJson(404, 'upload not found')
  const refused = putBlobContent(state.db, id, body)
  return refused ? errorJson(400, refused) : json(200, {})
}

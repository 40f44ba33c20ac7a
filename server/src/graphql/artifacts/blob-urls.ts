import type { GraphqlContext } from '../context.js'

/** Signer purposes of artifact blob URLs (distinct from run files' `get` / `put`). */
export const BLOB_GET = 'artifact-get'
export const BLOB_PUT = 'artifact-put'

const pathOf = (name: string) => name.split('/').map(encodeURIComponent).join('/')

/** A signed, expiring GET URL for an artifact file or manifest; it needs no API key. */
export function blobDownloadUrl(ctx: GraphqlContext, blobId: number, name: string): string {
  return `${ctx.baseUrl}/artifact-blobs/${blobId}/${pathOf(name)}?${ctx.signer.sign(BLOB_GET, blobId)}`
}

/** The signed PUT URL for an artifact blob's bytes. */
export function blobUploadUrl(ctx: GraphqlContext, blobId: number): string {
  return `${ctx.baseUrl}/artifact-blobs/${blobId}?${ctx.signer.sign(BLOB_PUT, blobId)}`
}

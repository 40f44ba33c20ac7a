import type { BlobRow } from '../../store/artifact-rows.js'
import { findArtifactById } from '../../store/artifacts.js'
import { encodeId } from '../../util/opaque-id.js'
import type { ArtifactNodes } from './artifact-nodes.js'
import { blobDownloadUrl, blobUploadUrl } from './blob-urls.js'

/** GraphQL `File` of an artifact (a manifest entry, or the manifest itself). */
export class ArtifactFileNode {
  readonly #name: string

  constructor(
    private readonly nodes: ArtifactNodes,
    readonly blob: BlobRow,
    name?: string,
  ) {
    this.#name = name ?? blob.name
  }

  get id(): string {
    return encodeId('File', `artifact-${this.blob.id}`, this.#name)
  }
  /** The path inside the artifact (`images/cat.png`). */
  get name(): string {
    return this.#name
  }
  get displayName(): string {
    return this.#name
  }
  /** Artifact bytes are only served by signed URL, so `url` is the signed URL too. */
  url(args: { upload?: boolean | null }): string | null {
    return args.upload ? this.uploadUrl : this.directUrl
  }
  get directUrl(): string {
    return blobDownloadUrl(this.nodes.ctx, this.blob.id, this.#name)
  }
  /** Where to PUT the bytes; null once they are stored (nothing to upload). */
  get uploadUrl(): string | null {
    return this.blob.kind === 'manifest' || this.blob.size_bytes === null
      ? blobUploadUrl(this.nodes.ctx, this.blob.id)
      : null
  }
  get uploadHeaders(): string[] {
    const headers = [`Content-Type:${this.blob.mimetype ?? 'application/octet-stream'}`]
    return this.blob.kind === 'file' && this.blob.md5 ? [`Content-MD5:${this.blob.md5}`, ...headers] : headers
  }
  get uploadMultipartUrls(): null {
    return null
  }
  get sizeBytes(): number {
    return this.blob.size_bytes ?? 0
  }
  get mimetype(): string | null {
    return this.blob.mimetype
  }
  get md5(): string | null {
    return this.blob.md5
  }
  get digest(): string | null {
    return this.blob.md5
  }
  get storagePath(): string {
    const hex = this.blob.md5 ? Buffer.from(this.blob.md5, 'base64').toString('hex') : String(this.blob.id)
    return `wandb_artifacts/${this.blob.artifact_id}/${hex}`
  }
  get exists(): boolean {
    return this.blob.size_bytes !== null
  }
  get isReference(): boolean {
    return false
  }
  get createdAt(): string {
    return this.blob.created_at
  }
  get updatedAt(): string {
    return this.blob.updated_at
  }
  artifact(): object | null {
    const artifact = findArtifactById(this.nodes.ctx.db, this.blob.artifact_id)
    return artifact ? this.nodes.artifact(artifact) : null
  }
}

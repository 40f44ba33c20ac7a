import { findBlobById } from '../../store/artifact-blobs.js'
import type { ManifestRow } from '../../store/artifact-rows.js'
import { findArtifactById } from '../../store/artifacts.js'
import { encodeId } from '../../util/opaque-id.js'
import type { ArtifactNodes } from './artifact-nodes.js'

/** GraphQL `ArtifactManifest`: the manifest JSON, stored and served as a file (`file.directUrl`). */
export class ManifestNode {
  constructor(
    private readonly nodes: ArtifactNodes,
    readonly row: ManifestRow,
  ) {}

  get id(): string {
    return encodeId('ArtifactManifest', this.row.id)
  }
  get digest(): string {
    return this.row.digest
  }
  get type(): string {
    return this.row.type
  }
  get createdAt(): string {
    return this.row.created_at
  }
  file(): object | null {
    const blob = findBlobById(this.nodes.ctx.db, this.row.blob_id)
    return blob ? this.nodes.file(blob) : null
  }
  artifact(): object | null {
    const artifact = findArtifactById(this.nodes.ctx.db, this.row.artifact_id)
    return artifact ? this.nodes.artifact(artifact) : null
  }
}

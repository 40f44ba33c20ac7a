import type { AliasRow } from '../../store/artifact-rows.js'
import { findArtifactById, findCollectionById } from '../../store/artifacts.js'
import { encodeId } from '../../util/opaque-id.js'
import type { ArtifactNodes } from './artifact-nodes.js'

/** GraphQL `ArtifactAlias`: a name (`latest`, `best`) pointing at one version of a collection. */
export class AliasNode {
  constructor(
    private readonly nodes: ArtifactNodes,
    readonly row: AliasRow,
  ) {}

  get id(): string {
    return encodeId('ArtifactAlias', this.row.id)
  }
  get alias(): string {
    return this.row.alias
  }
  get artifactCollectionName(): string {
    return findCollectionById(this.nodes.ctx.db, this.row.collection_id)?.name ?? ''
  }
  artifact(): object | null {
    const artifact = findArtifactById(this.nodes.ctx.db, this.row.artifact_id)
    return artifact ? this.nodes.artifact(artifact) : null
  }
  artifactCollection(): object | null {
    const collection = findCollectionById(this.nodes.ctx.db, this.row.collection_id)
    return collection ? this.nodes.collection(collection) : null
  }
}

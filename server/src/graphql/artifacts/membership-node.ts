import { manifestEntries } from '../../store/artifact-blobs.js'
import type { MembershipRow } from '../../store/artifact-rows.js'
import { aliasesOf, findArtifactById, findCollectionById } from '../../store/artifacts.js'
import { encodeId } from '../../util/opaque-id.js'
import { artifactFileConnection } from './artifact-files.js'
import type { ArtifactNodes } from './artifact-nodes.js'

/** GraphQL `ArtifactCollectionMembership`: one version as a member of one collection. */
export class MembershipNode {
  constructor(
    private readonly nodes: ArtifactNodes,
    readonly row: MembershipRow,
  ) {}

  get id(): string {
    return encodeId('ArtifactCollectionMembership', this.row.id)
  }
  get versionIndex(): number {
    return this.row.version_index
  }
  get commitHash(): string | null {
    return findArtifactById(this.nodes.ctx.db, this.row.artifact_id)?.digest.slice(0, 20) ?? null
  }
  get createdAt(): string {
    return this.row.created_at
  }
  /** Only this collection's aliases, as W&B returns them for a membership. */
  aliases(): object[] {
    return aliasesOf(this.nodes.ctx.db, this.row.collection_id, this.row.artifact_id).map((a) =>
      this.nodes.alias(a),
    )
  }
  artifact(): object | null {
    const artifact = findArtifactById(this.nodes.ctx.db, this.row.artifact_id)
    return artifact ? this.nodes.artifact(artifact) : null
  }
  artifactCollection(): object | null {
    const collection = findCollectionById(this.nodes.ctx.db, this.row.collection_id)
    return collection ? this.nodes.collection(collection) : null
  }
  files(args: { names?: readonly string[] | null; first?: number | null; after?: string | null }): unknown {
    const artifact = findArtifactById(this.nodes.ctx.db, this.row.artifact_id)
    if (!artifact)
      return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false }, totalCount: 0 }
    return artifactFileConnection(this.nodes, artifact, manifestEntries(this.nodes.ctx.db, artifact.id), args)
  }
}

import { findManifest, manifestEntries } from '../../store/artifact-blobs.js'
import type { ArtifactRow, MembershipRow } from '../../store/artifact-rows.js'
import {
  allAliasesOf,
  aliasesOf,
  artifactTags,
  findArtifactTypeById,
  findCollection,
  findCollectionById,
  findMembershipByArtifact,
  membershipsOfArtifact,
  usersOfArtifact,
} from '../../store/artifacts.js'
import { canRead, findProjectById } from '../../store/projects.js'
import { findRunById } from '../../store/runs.js'
import { encodeId } from '../../util/opaque-id.js'
import type { ArtifactNodes } from './artifact-nodes.js'
import { artifactFileConnection } from './artifact-files.js'
import { connectionOf } from './connection.js'

/** GraphQL `Artifact`: one logged version, whatever collections it is a member of. */
export class ArtifactNode {
  constructor(
    private readonly nodes: ArtifactNodes,
    readonly row: ArtifactRow,
  ) {}

  get id(): string {
    return encodeId('Artifact', this.row.id)
  }
  get digest(): string {
    return this.row.digest
  }
  get description(): string | null {
    return this.row.description
  }
  get metadata(): string {
    return this.row.metadata
  }
  get state(): string {
    return this.row.state
  }
  get size(): number {
    return this.row.size
  }
  get storageBytes(): number {
    return this.row.size
  }
  get fileCount(): number {
    return this.row.file_count
  }
  commitHash(args: { artifactCollectionName?: string | null }): string | null {
    return this.#membership(args.artifactCollectionName) ? this.row.digest.slice(0, 20) : null
  }
  versionIndex(args: { artifactCollectionName?: string | null }): number | null {
    return this.#membership(args.artifactCollectionName)?.version_index ?? null
  }
  get historyStep(): number | null {
    return this.row.history_step
  }
  get ttlDurationSeconds(): number {
    return this.row.ttl_duration_seconds ?? -1
  }
  get ttlIsInherited(): boolean {
    return this.row.ttl_duration_seconds === null
  }
  /** Digests are MD5s of the manifest (the only algorithm the server computes). */
  get digestAlgorithm(): string {
    return 'MANIFEST_MD5'
  }
  get createdAt(): string {
    return this.row.created_at
  }
  get updatedAt(): string {
    return this.row.updated_at
  }
  get labels(): null {
    return null
  }
  tags(): object[] {
    return artifactTags(this.nodes.ctx.db, this.row.id).map((name) => ({
      id: encodeId('Tag', name),
      name,
      tagCategoryName: '',
      attributes: null,
    }))
  }
  /** Aliases in one collection (by name, in this artifact's project), or in all of them. */
  aliases(args: { artifactCollectionName?: string | null }): object[] {
    const { db } = this.nodes.ctx
    if (args.artifactCollectionName) {
      const membership = this.#membership(args.artifactCollectionName)
      return membership
        ? aliasesOf(db, membership.collection_id, this.row.id).map((a) => this.nodes.alias(a))
        : []
    }
    return allAliasesOf(db, this.row.id).map((a) => this.nodes.alias(a))
  }
  artifactType(): object | null {
    const type = findArtifactTypeById(this.nodes.ctx.db, this.row.type_id)
    return type ? this.nodes.type(type) : null
  }
  artifactSequence(): object | null {
    const sequence = findCollectionById(this.nodes.ctx.db, this.row.sequence_id)
    return sequence ? this.nodes.collection(sequence) : null
  }
  artifactMemberships(args: { first?: number | null; after?: string | null }): unknown {
    const rows = membershipsOfArtifact(this.nodes.ctx.db, this.row.id)
    return connectionOf(
      rows,
      args,
      (m) => m.id,
      (m, cursor) => ({ node: this.nodes.membership(m), cursor }),
    )
  }
  currentManifest(): object | null {
    const manifest = findManifest(this.nodes.ctx.db, this.row.id)
    return manifest ? this.nodes.manifest(manifest) : null
  }
  files(args: { names?: readonly string[] | null; first?: number | null; after?: string | null }): unknown {
    return artifactFileConnection(this.nodes, this.row, manifestEntries(this.nodes.ctx.db, this.row.id), args)
  }
  createdBy(): object | null {
    return this.row.created_by_run_id === null ? null : this.#runNode(this.row.created_by_run_id)
  }
  usedBy(args: { first?: number | null; after?: string | null }): unknown {
    const runs = usersOfArtifact(this.nodes.ctx.db, this.row.id)
      .map((id) => this.#runNode(id))
      .filter((n): n is object => n !== null)
    return connectionOf(
      runs,
      args,
      (n) => (n as { id: string }).id,
      (node, cursor) => ({ node, cursor }),
    )
  }
  get usedCount(): number {
    return usersOfArtifact(this.nodes.ctx.db, this.row.id).length
  }

  /** The membership in the named collection of this artifact's project, or in its sequence. */
  #membership(collectionName: string | null | undefined): MembershipRow | undefined {
    const { db } = this.nodes.ctx
    const sequence = findCollectionById(db, this.row.sequence_id)
    if (!sequence) return undefined
    const collection = collectionName ? findCollection(db, sequence.project_id, collectionName) : sequence
    return collection ? findMembershipByArtifact(db, collection.id, this.row.id) : undefined
  }

  #runNode(runId: number): object | null {
    const { db, viewer, nodes } = this.nodes.ctx
    const run = findRunById(db, runId)
    const project = run && findProjectById(db, run.project_id)
    return run && project && canRead(db, viewer, project) ? nodes.run(run, project) : null
  }
}

import type { ArtifactTypeRow } from '../../store/artifact-rows.js'
import { findCollection, findMembership, findArtifactById, listCollections } from '../../store/artifacts.js'
import { findProjectById } from '../../store/projects.js'
import { encodeId } from '../../util/opaque-id.js'
import type { ArtifactNodes } from './artifact-nodes.js'
import { collectionConnection, type CollectionListArgs } from './collection-list.js'

/** GraphQL `ArtifactType` of a project (`dataset`, `model`, ...). */
export class ArtifactTypeNode {
  constructor(
    private readonly nodes: ArtifactNodes,
    readonly row: ArtifactTypeRow,
  ) {}

  get id(): string {
    return encodeId('ArtifactType', this.row.id)
  }
  get name(): string {
    return this.row.name
  }
  get description(): string | null {
    return this.row.description
  }
  get createdAt(): string {
    return this.row.created_at
  }
  project(): object | null {
    const project = findProjectById(this.nodes.ctx.db, this.row.project_id)
    return project ? this.nodes.ctx.nodes.project(project) : null
  }
  /** A version by `name:alias` (or `name:vN`) among this type's collections. */
  artifact(args: { name: string }): object | null {
    const [name = '', alias = 'latest'] = splitVersionName(args.name)
    const collection = this.#collection(name)
    const membership = collection && findMembership(this.nodes.ctx.db, collection.id, alias)
    const artifact = membership && findArtifactById(this.nodes.ctx.db, membership.artifact_id)
    return artifact ? this.nodes.artifact(artifact) : null
  }
  artifactCollection(args: { name: string }): object | null {
    const collection = this.#collection(args.name)
    return collection ? this.nodes.collection(collection) : null
  }
  artifactSequence(args: { name: string }): object | null {
    const collection = this.#collection(args.name)
    return collection?.kind === 'SEQUENCE' ? this.nodes.collection(collection) : null
  }
  artifactCollections(args: CollectionListArgs): unknown {
    const rows = listCollections(this.nodes.ctx.db, {
      projectIds: [this.row.project_id],
      typeId: this.row.id,
      ...(args.collectionTypes ? { kinds: args.collectionTypes } : {}),
    })
    return collectionConnection(this.nodes, rows, args)
  }

  #collection(name: string) {
    const collection = findCollection(this.nodes.ctx.db, this.row.project_id, name)
    return collection?.type_id === this.row.id ? collection : undefined
  }
}

/** `name:alias` → [name, alias]; split at the first `:` (aliases may not hold one, names may not). */
export function splitVersionName(text: string): [string, string | undefined] {
  const at = text.indexOf(':')
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}

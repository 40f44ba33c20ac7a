import type { CollectionRow, MembershipRow } from '../../store/artifact-rows.js'
import {
  collectionAliases,
  collectionTags,
  findArtifactById,
  findArtifactTypeById,
  findMembership,
  listMemberships,
} from '../../store/artifacts.js'
import { findProjectById } from '../../store/projects.js'
import { compileDocumentFilter } from '../../filters/match-document.js'
import { encodeId } from '../../util/opaque-id.js'
import { userError } from '../errors.js'
import type { ArtifactNodes } from './artifact-nodes.js'
import { connectionOf } from './connection.js'
import { versionDocument } from './version-document.js'

interface ListArgs {
  readonly first?: number | null
  readonly after?: string | null
  readonly order?: string | null
  readonly filters?: string | null
}

/** `[+-]field` over version documents; W&B lists versions newest first by default. */
function versionOrder(
  order: string | null | undefined,
): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  const text = order?.trim() || '-versionIndex'
  const descending = text.startsWith('-')
  const raw = text.replace(/^[+-]/, '')
  const field = raw === 'version' ? 'versionIndex' : raw
  if (!/^[A-Za-z_]+$/.test(field)) throw userError(`invalid order ${JSON.stringify(order)}`)
  return (a, b) => {
    const x = a[field] as string | number | undefined
    const y = b[field] as string | number | undefined
    if (x === y) return 0
    if (x === undefined) return 1
    if (y === undefined) return -1
    const c = x < y ? -1 : 1
    return descending ? -c : c
  }
}

/** GraphQL `ArtifactSequence` / `ArtifactPortfolio` (the `ArtifactCollection` interface). */
export class CollectionNode {
  constructor(
    private readonly nodes: ArtifactNodes,
    readonly row: CollectionRow,
  ) {}

  get __typename(): string {
    return this.row.kind === 'SEQUENCE' ? 'ArtifactSequence' : 'ArtifactPortfolio'
  }
  get id(): string {
    return encodeId('ArtifactCollection', this.row.id)
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
  get updatedAt(): string {
    return this.row.updated_at
  }
  get state(): string {
    return 'READY'
  }
  project(): object | null {
    const project = findProjectById(this.nodes.ctx.db, this.row.project_id)
    return project ? this.nodes.ctx.nodes.project(project) : null
  }
  defaultArtifactType(): object | null {
    const type = findArtifactTypeById(this.nodes.ctx.db, this.row.type_id)
    return type ? this.nodes.type(type) : null
  }
  tags(): object {
    const names = collectionTags(this.nodes.ctx.db, this.row.id)
    return {
      edges: names.map((name) => ({
        node: { id: encodeId('Tag', name), name, tagCategoryName: '', attributes: null },
      })),
    }
  }
  aliases(args: { first?: number | null; after?: string | null }): unknown {
    const rows = collectionAliases(this.nodes.ctx.db, this.row.id)
    return connectionOf(
      rows,
      args,
      (a) => a.id,
      (a, cursor) => ({ node: this.nodes.alias(a), cursor }),
      {
        first: 1000,
        max: 10_000,
      },
    )
  }
  artifactMembership(args: { aliasName: string }): object | null {
    const membership = findMembership(this.nodes.ctx.db, this.row.id, args.aliasName)
    return membership ? this.nodes.membership(membership) : null
  }
  artifactMemberships(args: ListArgs): unknown {
    const rows = this.#versions(args)
    return connectionOf(
      rows,
      args,
      (m) => m.id,
      (m, cursor) => ({ node: this.nodes.membership(m), cursor }),
    )
  }
  /** Versions, newest first unless `order` says otherwise; `filters` is a Mongo filter. */
  artifacts(args: ListArgs): unknown {
    const { db } = this.nodes.ctx
    return connectionOf(
      this.#versions(args),
      args,
      (m) => m.id,
      (m, cursor) => ({
        node: this.nodes.artifact(findArtifactById(db, m.artifact_id)!),
        version: `v${m.version_index}`,
        cursor,
      }),
    )
  }
  latestArtifact(): object | null {
    const latest = findMembership(this.nodes.ctx.db, this.row.id, 'latest')
    const artifact = latest && findArtifactById(this.nodes.ctx.db, latest.artifact_id)
    return artifact ? this.nodes.artifact(artifact) : null
  }

  #versions(args: ListArgs): MembershipRow[] {
    const { db } = this.nodes.ctx
    const test = compileDocumentFilter(args.filters)
    const order = versionOrder(args.order)
    return listMemberships(db, [this.row.id])
      .map((m) => ({ m, doc: versionDocument(db, m, findArtifactById(db, m.artifact_id)!) }))
      .filter(({ doc }) => test(doc))
      .sort((a, b) => order(a.doc, b.doc))
      .map(({ m }) => m)
  }
}

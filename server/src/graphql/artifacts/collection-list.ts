import { compileDocumentFilter } from '../../filters/match-document.js'
import type { CollectionKind, CollectionRow } from '../../store/artifact-rows.js'
import { collectionTags } from '../../store/artifacts.js'
import { encodeId } from '../../util/opaque-id.js'
import { userError } from '../errors.js'
import type { ArtifactNodes } from './artifact-nodes.js'
import { connectionOf } from './connection.js'

export interface CollectionListArgs {
  readonly first?: number | null
  readonly after?: string | null
  readonly order?: string | null
  readonly filters?: string | null
  readonly collectionTypes?: readonly CollectionKind[] | null
}

/** The document a collection filter sees (W&B names: `name`, `tag`, `description`, `created_at`). */
export function collectionDocument(nodes: ArtifactNodes, row: CollectionRow): Record<string, unknown> {
  const tags = collectionTags(nodes.ctx.db, row.id)
  return {
    id: encodeId('ArtifactCollection', row.id),
    artifact_collection_id: row.id,
    collection_id: row.id,
    name: row.name,
    tag: tags,
    tags,
    description: row.description,
    created_at: row.created_at,
    createdAt: row.created_at,
    updated_at: row.updated_at,
    updatedAt: row.updated_at,
  }
}

const ORDER_FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  created_at: 'created_at',
  createdAt: 'created_at',
  updated_at: 'updated_at',
  updatedAt: 'updated_at',
}

/** Filters (Mongo), orders (`[+-]name|created_at|updated_at`, default creation order) and pages. */
export function collectionConnection(
  nodes: ArtifactNodes,
  rows: readonly CollectionRow[],
  args: CollectionListArgs,
): unknown {
  const test = compileDocumentFilter(args.filters)
  let items = rows.map((row) => ({ row, doc: collectionDocument(nodes, row) })).filter(({ doc }) => test(doc))
  if (args.order) {
    const field = ORDER_FIELDS[args.order.replace(/^[+-]/, '')]
    if (!field) throw userError(`invalid order ${JSON.stringify(args.order)} (name, created_at, updated_at)`)
    const sign = args.order.startsWith('-') ? -1 : 1
    items = [...items].sort((a, b) => {
      const x = String(a.doc[field]),
        y = String(b.doc[field])
      return x === y ? a.row.id - b.row.id : (x < y ? -1 : 1) * sign
    })
  }
  return connectionOf(
    items,
    args,
    (i) => i.row.id,
    (i, cursor) => ({ node: nodes.collection(i.row), cursor }),
  )
}

import { canRead, listProjects } from '../../store/projects.js'
import type { EntityRow } from '../../store/rows.js'
import { isMember } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { decodeCursor, encodeCursor, pageInfo, pageSize } from './page-info.js'

/** GraphQL `Entity` (a user's personal entity or a team). */
export class EntityNode {
  constructor(
    private readonly ctx: GraphqlContext,
    private readonly row: EntityRow,
  ) {}

  get id(): string {
    return encodeId('Entity', this.row.id)
  }
  get name(): string {
    return this.row.name
  }
  get isTeam(): boolean {
    return this.row.is_team === 1
  }
  get available(): boolean {
    return false
  }
  get photoUrl(): null {
    return null
  }
  get readOnly(): boolean {
    return !isMember(this.ctx.db, this.ctx.viewer.id, this.row.id)
  }
  get privateOnly(): boolean {
    return false
  }
  get defaultAccess(): string {
    return 'PRIVATE'
  }
  get createdAt(): string {
    return this.row.created_at
  }

  /** Projects the viewer can read, in creation order. */
  projects(args: { first?: number | null; after?: string | null }): unknown {
    return projectConnection(this.ctx, this.row.id, args.first, args.after)
  }
}

export function projectConnection(
  ctx: GraphqlContext,
  entityId: number,
  first: number | null | undefined,
  after: string | null | undefined,
): unknown {
  const limit = pageSize(first, 50, 1000)
  const edges: { node: object; cursor: string }[] = []
  let afterId = Number(decodeCursor(after) ?? 0) || 0
  let hasNextPage = false
  // Unreadable projects are skipped, so read in batches until the page is full.
  for (;;) {
    const batch = listProjects(ctx.db, entityId, afterId, limit + 1)
    for (const row of batch) {
      afterId = row.id
      if (!canRead(ctx.db, ctx.viewer, row)) continue
      if (edges.length === limit) {
        hasNextPage = true
        break
      }
      edges.push({ node: ctx.nodes.project(row), cursor: encodeCursor(row.id) })
    }
    if (hasNextPage || batch.length < limit + 1) break
  }
  return {
    edges,
    pageInfo: pageInfo(
      edges.map((e) => e.cursor),
      hasNextPage,
      Boolean(after),
    ),
  }
}

import type { EntityRow, UserRow } from '../../store/rows.js'
import { findEntityById, teamsOf } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { pageInfo } from './page-info.js'

/** GraphQL `User`. */
export class UserNode {
  constructor(
    private readonly ctx: GraphqlContext,
    private readonly row: UserRow,
  ) {}

  get id(): string {
    return encodeId('User', this.row.id)
  }
  get name(): string {
    return this.row.name
  }
  get username(): string {
    return this.row.username
  }
  get email(): string | null {
    // Only the viewer sees an email address.
    return this.row.id === this.ctx.viewer.id ? this.row.email : null
  }
  get admin(): boolean {
    return this.row.admin === 1
  }
  get entity(): string {
    return this.row.username
  }
  get flags(): string {
    return '{}'
  }
  get photoUrl(): string | null {
    return null
  }
  get deletedAt(): null {
    return null
  }
  get createdAt(): string {
    return this.row.created_at
  }
  defaultEntity(): object | null {
    const entity = findEntityById(this.ctx.db, this.row.entity_id)
    return entity ? this.ctx.nodes.entity(entity) : null
  }
  teams(): { edges: { node: object; cursor: string }[]; pageInfo: ReturnType<typeof pageInfo> } {
    const rows: EntityRow[] = teamsOf(this.ctx.db, this.row.id)
    const edges = rows.map((e) => ({ node: this.ctx.nodes.entity(e), cursor: e.name }))
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        false,
        false,
      ),
    }
  }
  apiKeys(): { edges: never[] } {
    // Keys are stored hashed and are never served back.
    return { edges: [] }
  }
}

import type { ProjectRow } from '../../store/rows.js'
import type { ViewRow } from '../../store/views.js'
import { findUserById } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'

/** GraphQL `View`: a saved report (`type: "runs"`) or workspace view of a project. */
export class ViewNode {
  constructor(
    private readonly ctx: GraphqlContext,
    private readonly row: ViewRow,
    private readonly projectRow: ProjectRow,
  ) {}

  /** `View:v1:<row id>` in base64 (often with `=` padding, which report URLs drop). */
  get id(): string {
    return encodeId('View', this.row.id)
  }
  get name(): string {
    return this.row.name
  }
  get displayName(): string | null {
    return this.row.display_name
  }
  get type(): string {
    return this.row.type
  }
  get description(): string | null {
    return this.row.description
  }
  get spec(): string {
    return this.row.spec
  }
  user(): object | null {
    const user = this.row.user_id === null ? undefined : findUserById(this.ctx.db, this.row.user_id)
    return user ? this.ctx.nodes.user(user) : null
  }
  project(): object {
    return this.ctx.nodes.project(this.projectRow)
  }
  get entityName(): string {
    return this.projectRow.entity_name
  }
  get projectName(): string {
    return this.projectRow.name
  }
  get createdAt(): string {
    return this.row.created_at
  }
  get updatedAt(): string {
    return this.row.updated_at
  }
}

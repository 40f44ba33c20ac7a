import type { OrganizationRow } from '../../store/organizations.js'
import type { EntityRow } from '../../store/rows.js'
import { sql } from '../../store/statements.js'
import { findEntityById } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { ArtifactNodes } from './artifact-nodes.js'

/** GraphQL `Organization`: its org entity holds the registries (`wandb-registry-*` projects). */
export class OrganizationNode {
  constructor(
    private readonly nodes: ArtifactNodes,
    readonly row: OrganizationRow,
  ) {}

  get id(): string {
    return encodeId('Organization', this.row.id)
  }
  get name(): string {
    return this.row.name
  }
  get available(): boolean {
    return true
  }
  /** Not a CoreWeave organization: null, which wandb-core accepts. */
  get coreWeaveOrganizationId(): null {
    return null
  }
  /** No organization feature ramps here. */
  featureFlags(): never[] {
    return []
  }
  orgEntity(): object | null {
    const entity = findEntityById(this.nodes.ctx.db, this.row.org_entity_id)
    return entity ? this.nodes.ctx.nodes.entity(entity) : null
  }
  teams(): object[] {
    return sql<EntityRow>(
      this.nodes.ctx.db,
      'SELECT * FROM entities WHERE organization_id = ? AND id != ? AND is_team = 1 ORDER BY name',
    )
      .all(this.row.id, this.row.org_entity_id)
      .map((e) => this.nodes.ctx.nodes.entity(e))
  }
}

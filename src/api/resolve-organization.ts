import * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { nullable } from '../codecs/nullable.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { readEnv } from '../internal/environment.js'

/**
 * An organization: its display name and its org entity (which holds the registries).
 *
 * @example
 * ```ts
 * const org: OrganizationInfo = await resolveOrganization(api.context) // { name: 'acme', entity: 'acme-org' }
 * ```
 */
export interface OrganizationInfo {
  readonly name: string
  readonly entity: string
}

const OrgInfo = t.type({ name: t.string, orgEntity: nullable(t.type({ name: t.string })) })
const OrgInfoResponse = t.type({
  entity: nullable(
    t.partial({
      organization: nullable(OrgInfo),
      user: nullable(t.partial({ organizations: nullable(t.array(OrgInfo)) })),
    }),
  ),
})

const ORG_INFO_QUERY = `query FetchOrgInfoFromEntity($entity: String!) {
  entity(name: $entity) {
    organization { name orgEntity { name } }
    user { organizations { name orgEntity { name } } }
  }
}`

/**
 * The organization of the default entity, as the Python SDK resolves it
 * (`resolve_org_entity_name`): a team entity has one organization; a personal entity may
 * belong to several. `orgOrEntity` (an organization name or its org entity name) picks one and
 * must match; without it, exactly one must exist. `WANDB_ORGANIZATION` is the default.
 *
 * @example
 * ```ts
 * await resolveOrganization(ctx)          // { name: 'acme', entity: 'acme-org' }
 * await resolveOrganization(ctx, 'acme')  // the same, checked against the entity's orgs
 * ```
 */
export async function resolveOrganization(
  ctx: ApiContext,
  orgOrEntity?: string,
  signal?: AbortSignal,
): Promise<OrganizationInfo> {
  const wanted = orgOrEntity ?? readEnv('WANDB_ORGANIZATION')
  const entity = await ctx.entity()
  const data = await ctx.http.graphql({ query: ORG_INFO_QUERY, variables: { entity }, signal })
  const found = decode(OrgInfoResponse, data, 'FetchOrgInfoFromEntity').entity
  const orgs = [found?.organization, ...(found?.user?.organizations ?? [])].flatMap((o) =>
    o?.orgEntity ? [{ name: o.name, entity: o.orgEntity.name }] : [],
  )
  if (wanted) {
    const match = orgs.find((o) => o.name === wanted || o.entity === wanted)
    if (match) return match
    throw new NotFoundError('organization', wanted)
  }
  const unique = [...new Map(orgs.map((o) => [o.entity, o])).values()]
  if (unique.length === 1) return unique[0] as OrganizationInfo
  throw new WandbError(
    unique.length === 0
      ? `entity ${entity} belongs to no organization; pass the organization (or set WANDB_ORGANIZATION)`
      : `entity ${entity} belongs to several organizations (${unique.map((o) => o.name).join(', ')}); pass one`,
  )
}

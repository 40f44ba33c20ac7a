import {
  ARTIFACT_COLLECTION_FIELDS,
  toArtifactCollection,
  type ArtifactCollection,
} from '../codecs/artifact-collection-codec.js'
import { ARTIFACT_FIELDS } from '../codecs/artifact-node-codec.js'
import { RegistryCollectionsResponse, RegistryVersionsResponse } from '../codecs/artifact-responses-codec.js'
import { decode } from '../codecs/decode.js'
import { RegistriesResponse, REGISTRY_FIELDS, type RegistryNode } from '../codecs/registry-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { readEnv } from '../internal/environment.js'
import type { Artifact } from './artifact.js'
import { REGISTRY_PREFIX } from './artifact-path.js'
import { artifactFromMembership } from './artifacts.js'
import { createPagedListing, type PagedListing } from './paged-listing.js'
import { checkRegistryFilter, prefixRegistryNames, type MongoFilter } from './registry-filter.js'
import { resolveOrganization } from './resolve-organization.js'

const FETCH_REGISTRIES = `query FetchRegistries($organization: String!, $filters: JSONString, $cursor: String, $perPage: Int) {
  organization(name: $organization) {
    orgEntity { name projects(filters: $filters, after: $cursor, first: $perPage) {
      edges { node { ${REGISTRY_FIELDS} } } pageInfo { endCursor hasNextPage } } }
  }
}`

const REGISTRY_COLLECTIONS = `query RegistryCollections($organization: String!, $registryFilter: JSONString,
  $collectionFilter: JSONString, $collectionTypes: [ArtifactCollectionType!], $cursor: String, $perPage: Int) {
  organization(name: $organization) {
    orgEntity { name artifactCollections(projectFilters: $registryFilter, filters: $collectionFilter,
      collectionTypes: $collectionTypes, after: $cursor, first: $perPage) {
      edges { node { ${ARTIFACT_COLLECTION_FIELDS} aliases { edges { node { alias } } } } }
      pageInfo { endCursor hasNextPage } } }
  }
}`

const REGISTRY_VERSIONS = `query RegistryVersions($organization: String!, $registryFilter: JSONString,
  $collectionFilter: JSONString, $artifactFilter: JSONString, $cursor: String, $perPage: Int) {
  organization(name: $organization) {
    orgEntity { name artifactMemberships(projectFilters: $registryFilter, collectionFilters: $collectionFilter,
      filters: $artifactFilter, after: $cursor, first: $perPage) {
      edges { node { versionIndex aliases { alias }
        artifactCollection { __typename name project { name entity { name } } }
        artifact { ${ARTIFACT_FIELDS} } } }
      pageInfo { endCursor hasNextPage } } }
  }
}`

/**
 * Options of a registry search level: a Mongo filter and the page size (default 100).
 *
 * @example
 * ```ts
 * registry.versions({ filter: { alias: 'production' }, perPage: 50 })
 * ```
 */
export interface RegistrySearchOptions {
  readonly filter?: MongoFilter
  readonly perPage?: number
}

/**
 * Versions of registry collections, found by filter (`tag`, `alias`, `metadata.*`, dates).
 *
 * @example
 * ```ts
 * for await (const a of api.registries().versions({ filter: { tag: 'prod' } })) console.log(a.qualifiedName)
 * ```
 */
export type RegistryVersions = PagedListing<Artifact>

/**
 * Registry collections found by filter; `.versions()` searches their versions.
 *
 * @example
 * ```ts
 * api.registries().collections({ filter: { name: { $regex: 'cnn' } } }).versions({ filter: { alias: 'latest' } })
 * ```
 */
export interface RegistryCollections extends PagedListing<ArtifactCollection> {
  versions(options?: RegistrySearchOptions): RegistryVersions
}

/**
 * A registry: a `wandb-registry-<name>` project in an organization's org entity. Plain data
 * plus searches over its collections and versions.
 *
 * @example
 * ```ts
 * const models = (await api.registries({ filter: { name: 'model' } }).first())!
 * await models.versions({ filter: { alias: 'production' } }).toArray()
 * ```
 */
export interface Registry {
  readonly id: string
  /** Without the prefix (`model`). */
  readonly name: string
  /** With it (`wandb-registry-model`): the project name. */
  readonly fullName: string
  /** The org entity holding it. */
  readonly entity: string
  readonly organization: string
  readonly description: string | null
  /** `organization` (visible to the whole org) or `restricted` (members only). */
  readonly visibility: 'organization' | 'restricted' | null
  readonly allowAllArtifactTypes: boolean
  readonly artifactTypes: readonly string[]
  readonly createdAt: Date | null
  readonly updatedAt: Date | null
  collections(options?: RegistrySearchOptions): RegistryCollections
  versions(options?: RegistrySearchOptions): RegistryVersions
}

/**
 * The registries found by `api.registries()`; `.collections()`/`.versions()` search inside them.
 *
 * @example
 * ```ts
 * const registries = api.registries({ filter: { name: { $regex: 'model' } } })
 * const names = (await registries.toArray()).map((r) => r.name)
 * ```
 */
export interface Registries extends PagedListing<Registry> {
  collections(options?: RegistrySearchOptions): RegistryCollections
  versions(options?: RegistrySearchOptions): RegistryVersions
}

/**
 * Options of {@link searchRegistries}.
 *
 * @example
 * ```ts
 * api.registries({ organization: 'acme', filter: { description: { $regex: 'prod' } } })
 * ```
 */
export interface RegistriesOptions extends RegistrySearchOptions {
  /** Organization name; default `WANDB_ORGANIZATION`, else the default entity's only organization. */
  readonly organization?: string
}

interface Scope {
  readonly ctx: ApiContext
  readonly organization: () => Promise<string>
}

const json = (filter: MongoFilter | undefined): string | null => (filter ? JSON.stringify(filter) : null)

function collectionsOf(
  scope: Scope,
  registryFilter: MongoFilter | undefined,
  options: RegistrySearchOptions,
): RegistryCollections {
  if (options.filter) checkRegistryFilter(options.filter, 'collection')
  const listing = createPagedListing(
    scope.ctx,
    async (cursor, perPage, signal) => {
      const organization = await scope.organization()
      const variables = {
        organization,
        registryFilter: json(registryFilter),
        collectionFilter: json(options.filter),
        collectionTypes: ['PORTFOLIO'],
        cursor,
        perPage,
      }
      const data = await scope.ctx.http.graphql({ query: REGISTRY_COLLECTIONS, variables, signal })
      const org = decode(RegistryCollectionsResponse, data, 'RegistryCollections').organization
      if (!org?.orgEntity) throw new NotFoundError('organization', organization)
      const connection = org.orgEntity.artifactCollections
      return {
        items: (connection?.edges ?? []).flatMap((e) => (e.node ? [toArtifactCollection(e.node)] : [])),
        cursor: connection?.pageInfo.endCursor ?? cursor,
        hasNextPage: connection?.pageInfo.hasNextPage ?? false,
      }
    },
    options.perPage ?? 100,
  )
  return Object.freeze({
    ...listing,
    [Symbol.asyncIterator]: listing[Symbol.asyncIterator],
    versions: (versionOptions: RegistrySearchOptions = {}) =>
      versionsOf(scope, registryFilter, options.filter, versionOptions),
  })
}

function versionsOf(
  scope: Scope,
  registryFilter: MongoFilter | undefined,
  collectionFilter: MongoFilter | undefined,
  options: RegistrySearchOptions,
): RegistryVersions {
  if (options.filter) checkRegistryFilter(options.filter, 'version')
  return createPagedListing(
    scope.ctx,
    async (cursor, perPage, signal) => {
      const organization = await scope.organization()
      const variables = {
        organization,
        registryFilter: json(registryFilter),
        collectionFilter: json(collectionFilter),
        artifactFilter: json(options.filter),
        cursor,
        perPage,
      }
      const data = await scope.ctx.http.graphql({ query: REGISTRY_VERSIONS, variables, signal })
      const org = decode(RegistryVersionsResponse, data, 'RegistryVersions').organization
      if (!org?.orgEntity) throw new NotFoundError('organization', organization)
      const connection = org.orgEntity.artifactMemberships
      return {
        items: (connection?.edges ?? []).flatMap((e) =>
          e.node?.artifact ? [artifactFromMembership(scope.ctx, e.node, organization)] : [],
        ),
        cursor: connection?.pageInfo.endCursor ?? cursor,
        hasNextPage: connection?.pageInfo.hasNextPage ?? false,
      }
    },
    options.perPage ?? 100,
  )
}

function toRegistry(scope: Scope, organization: string, orgEntity: string, node: RegistryNode): Registry {
  const fullName = node.name
  const own = { name: fullName }
  return Object.freeze({
    id: node.id,
    name: fullName.startsWith(REGISTRY_PREFIX) ? fullName.slice(REGISTRY_PREFIX.length) : fullName,
    fullName,
    entity: node.entityName ?? orgEntity,
    organization,
    description: node.description ?? null,
    visibility: node.access === 'RESTRICTED' ? 'restricted' : node.access ? 'organization' : null,
    allowAllArtifactTypes: node.allowAllArtifactTypesInRegistry ?? true,
    artifactTypes: Object.freeze(
      (node.artifactTypes?.edges ?? []).flatMap((e) => (e.node ? [e.node.name] : [])),
    ),
    createdAt: node.createdAt ?? null,
    updatedAt: node.updatedAt ?? null,
    collections: (options: RegistrySearchOptions = {}) => collectionsOf(scope, own, options),
    versions: (options: RegistrySearchOptions = {}) => versionsOf(scope, own, undefined, options),
  })
}

/**
 * Searches an organization's registries (Python `api.registries(organization, filter)`) with a
 * Mongo filter on `name`, `description`, `created_at`, `updated_at`. Registry names in the
 * filter are written without the `wandb-registry-` prefix; it is added to every `name` operand
 * except under `$regex` (PROTOCOL.md §8). Unknown fields are a `FilterCompileError` right away.
 *
 * `.collections({ filter })` and `.versions({ filter })` search inside the matching registries
 * (collections: `name`, `tag`, `description`, dates; versions: `alias`, `tag`, `metadata.<key>`,
 * dates), as does each `Registry`.
 *
 * @example
 * ```ts
 * api.registries({ filter: { name: { $regex: 'model' } } })
 *   .versions({ filter: { $or: [{ tag: 'prod' }, { alias: 'best' }] } })
 *   .stream().subscribe((a) => console.log(a.qualifiedName))
 * // sent: organization(name: "acme") { orgEntity { artifactMemberships(projectFilters: "{\"name\":{\"$regex\":\"model\"}}",
 * //   filters: "{\"$or\":[{\"tag\":\"prod\"},{\"alias\":\"best\"}]}", …) } }
 * ```
 */
export function searchRegistries(ctx: ApiContext, options: RegistriesOptions = {}): Registries {
  if (options.filter) checkRegistryFilter(options.filter, 'registry')
  const registryFilter = options.filter ? prefixRegistryNames(options.filter) : undefined
  let organization: Promise<string> | undefined
  const given = options.organization ?? readEnv('WANDB_ORGANIZATION')
  const scope: Scope = {
    ctx,
    organization: () => {
      const resolved = (organization ??= given
        ? Promise.resolve(given)
        : resolveOrganization(ctx).then((o) => o.name))
      resolved.catch(() => (organization = undefined))
      return resolved
    },
  }
  const listing = createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const name = await scope.organization()
      const variables = { organization: name, filters: json(registryFilter), cursor, perPage }
      const data = await ctx.http.graphql({ query: FETCH_REGISTRIES, variables, signal })
      const orgEntity = decode(RegistriesResponse, data, 'FetchRegistries').organization?.orgEntity
      if (!orgEntity) throw new NotFoundError('organization', name)
      const projects = orgEntity.projects
      return {
        items: (projects?.edges ?? []).flatMap((e) =>
          e.node ? [toRegistry(scope, name, orgEntity.name, e.node)] : [],
        ),
        cursor: projects?.pageInfo.endCursor ?? cursor,
        hasNextPage: projects?.pageInfo.hasNextPage ?? false,
      }
    },
    options.perPage ?? 100,
  )
  return Object.freeze({
    ...listing,
    [Symbol.asyncIterator]: listing[Symbol.asyncIterator],
    collections: (collectionOptions: RegistrySearchOptions = {}) =>
      collectionsOf(scope, registryFilter, collectionOptions),
    versions: (versionOptions: RegistrySearchOptions = {}) =>
      versionsOf(scope, registryFilter, undefined, versionOptions),
  })
}

import { defaultFieldResolver, type GraphQLResolveInfo } from 'graphql'
import type { CollectionKind } from '../../store/artifact-rows.js'
import {
  findArtifactById,
  findArtifactType,
  findCollection,
  findCollectionById,
  findMembership,
  inputArtifacts,
  listArtifactTypes,
  listCollections,
  outputArtifacts,
} from '../../store/artifacts.js'
import {
  findOrganization,
  findOrganizationById,
  isOrganizationMember,
  organizationOfEntity,
  type OrganizationRow,
} from '../../store/organizations.js'
import { canRead } from '../../store/projects.js'
import { isMember } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { projectRowOf, runRowOf, entityRowOf } from '../parent-rows.js'
import { readableArtifact, rowIdOf } from './artifact-access.js'
import { splitVersionName } from './artifact-type-node.js'
import { collectionConnection, type CollectionListArgs } from './collection-list.js'
import { connectionOf } from './connection.js'
import { artifactNodes } from './create-artifact-nodes.js'
import { registryCollections, registryMemberships, registryProjects } from './registry-search.js'

type Args = Record<string, any>
type Resolver = (source: any, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => unknown

const EMPTY = {
  edges: [],
  pageInfo: { startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false },
  totalCount: 0,
}

function visibleOrganization(ctx: GraphqlContext, org: OrganizationRow | undefined): object | null {
  if (!org) return null
  const member =
    ctx.viewer.admin === 1 ||
    isOrganizationMember(ctx.db, org.id, ctx.viewer.id) ||
    isMember(ctx.db, ctx.viewer.id, org.org_entity_id)
  return member ? artifactNodes(ctx).organization(org) : null
}

/** Root fields: `artifact(id)`, `artifactCollection(id)`, `organization(name | id)`. */
export const artifactQueryFields: Record<string, Resolver> = {
  artifact: (_, args, ctx) => {
    const found = readableArtifact(ctx, args.id)
    return found ? artifactNodes(ctx).artifact(found.artifact) : null
  },
  artifactCollection: (_, args, ctx) => {
    const id = rowIdOf('ArtifactCollection', args.id)
    const collection = id === undefined ? undefined : findCollectionById(ctx.db, id)
    const project = collection && projectRowOf(ctx, { internalId: collection.project_id })
    return collection && project && canRead(ctx.db, ctx.viewer, project)
      ? artifactNodes(ctx).collection(collection)
      : null
  },
  organization: (_, args, ctx) => {
    const id = rowIdOf('Organization', args.id)
    const org =
      id !== undefined
        ? findOrganizationById(ctx.db, id)
        : args.name
          ? findOrganization(ctx.db, args.name)
          : undefined
    return visibleOrganization(ctx, org)
  },
}

/** `Project` fields of artifacts (the parent is a readable project: it was resolved by access). */
export const artifactProjectFields: Record<string, Resolver> = {
  artifactType: (project, args, ctx) => {
    const row = projectRowOf(ctx, project)
    const type = row && findArtifactType(ctx.db, row.id, args.name)
    return type ? artifactNodes(ctx).type(type) : null
  },
  artifactTypes: (project, args, ctx) => {
    const row = projectRowOf(ctx, project)
    if (!row) return EMPTY
    const types = listArtifactTypes(ctx.db, row.id, 0, 100_000)
    return connectionOf(
      types,
      args,
      (t) => t.id,
      (t, cursor) => ({ node: artifactNodes(ctx).type(t), cursor }),
    )
  },
  artifactCollection: (project, args, ctx) => {
    const row = projectRowOf(ctx, project)
    const collection = row && findCollection(ctx.db, row.id, args.name)
    return collection ? artifactNodes(ctx).collection(collection) : null
  },
  artifactCollections: (project, args, ctx) => {
    const row = projectRowOf(ctx, project)
    if (!row) return EMPTY
    const kinds = args.collectionTypes as CollectionKind[] | null | undefined
    const rows = listCollections(ctx.db, { projectIds: [row.id], ...(kinds ? { kinds } : {}) })
    return collectionConnection(artifactNodes(ctx), rows, args as CollectionListArgs)
  },
  /** `name:alias` (alias defaults to `latest`); W&B answers a miss with null. */
  artifactCollectionMembership: (project, args, ctx) => {
    const row = projectRowOf(ctx, project)
    const [name, alias = 'latest'] = splitVersionName(String(args.name))
    const collection = row && findCollection(ctx.db, row.id, name)
    const membership = collection && findMembership(ctx.db, collection.id, alias)
    return membership ? artifactNodes(ctx).membership(membership) : null
  },
  artifact: (project, args, ctx) => {
    const membership = artifactProjectFields.artifactCollectionMembership!(
      project,
      args,
      ctx,
      undefined as never,
    ) as { row: { artifact_id: number } } | null
    const artifact = membership && findArtifactById(ctx.db, membership.row.artifact_id)
    return artifact ? artifactNodes(ctx).artifact(artifact) : null
  },
  allowAllArtifactTypesInRegistry: () => true,
}

/** `Run.inputArtifacts` / `Run.outputArtifacts`. */
export const artifactRunFields: Record<string, Resolver> = {
  inputArtifacts: (run, args, ctx) => {
    const row = runRowOf(ctx, run)
    if (!row) return EMPTY
    const nodes = artifactNodes(ctx)
    const used = inputArtifacts(ctx.db, row.id).filter((a) =>
      readableArtifact(ctx, encodeId('Artifact', a.id)),
    )
    return connectionOf(
      used,
      args,
      (a) => a.id,
      (a, cursor) => ({
        node: nodes.artifact(a),
        usedAs: a.used_as ? [a.used_as] : [],
        cursor,
      }),
    )
  },
  outputArtifacts: (run, args, ctx) => {
    const row = runRowOf(ctx, run)
    if (!row) return EMPTY
    const nodes = artifactNodes(ctx)
    return connectionOf(
      outputArtifacts(ctx.db, row.id),
      args,
      (a) => a.id,
      (a, cursor) => ({ node: nodes.artifact(a), cursor }),
    )
  },
}

/** `Entity` fields for organizations and registry search (over the entity's projects). */
export const artifactEntityFields: Record<string, Resolver> = {
  organization: (entity, _args, ctx) => {
    const row = entityRowOf(ctx, entity)
    return visibleOrganization(ctx, row && organizationOfEntity(ctx.db, row))
  },
  /** With `filters`/`order` this is registry search; without, the core listing. */
  projects: (entity, args, ctx, info) => {
    if (!args.filters && !args.order) return defaultFieldResolver(entity, args, ctx, info)
    const row = entityRowOf(ctx, entity)
    return row ? registryProjects(ctx, row, args) : EMPTY
  },
  artifactCollections: (entity, args, ctx) => {
    const row = entityRowOf(ctx, entity)
    return row ? registryCollections(ctx, row, args) : EMPTY
  },
  artifactMemberships: (entity, args, ctx) => {
    const row = entityRowOf(ctx, entity)
    return row ? registryMemberships(ctx, row, args) : EMPTY
  },
}

/** `File` fields only artifact files have; run files answer with empty values. */
export const artifactFileFields: Record<string, Resolver> = {
  uploadHeaders: (file, args, ctx, info) =>
    'uploadHeaders' in file ? defaultFieldResolver(file, args, ctx, info) : [],
  uploadMultipartUrls: () => null,
  artifact: (file, args, ctx, info) => ('blob' in file ? defaultFieldResolver(file, args, ctx, info) : null),
}

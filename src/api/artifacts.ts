import {
  ArtifactCollectionsResponse,
  ArtifactTypesResponse,
  ArtifactVersionsResponse,
  MembershipByNameResponse,
  RunArtifactsResponse,
  type MembershipNode,
} from '../codecs/artifact-responses-codec.js'
import {
  ARTIFACT_COLLECTION_FIELDS,
  toArtifactCollection,
  toArtifactType,
  type ArtifactCollection,
  type ArtifactType,
} from '../codecs/artifact-collection-codec.js'
import { ARTIFACT_FIELDS } from '../codecs/artifact-node-codec.js'
import { decode } from '../codecs/decode.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { Artifact, toArtifactData } from './artifact.js'
import { isRegistryProject, parseArtifactPath } from './artifact-path.js'
import { createPagedListing, type PagedListing } from './paged-listing.js'
import { resolveOrganization } from './resolve-organization.js'
import { parseProjectPath, type RunPath } from './run-path.js'

const MEMBERSHIP_QUERY = `query ArtifactMembershipByName($entity: String!, $project: String!, $name: String!) {
  project(name: $project, entityName: $entity) {
    artifactCollectionMembership(name: $name) {
      id versionIndex aliases { alias }
      artifactCollection { __typename name project { name entity { name } } }
      artifact { ${ARTIFACT_FIELDS} }
    }
  }
}`

const VERSIONS_QUERY = `query ProjectArtifacts($entity: String!, $project: String!, $type: String!, $collection: String!,
  $cursor: String, $perPage: Int = 50, $order: String, $filters: JSONString) {
  project(entityName: $entity, name: $project) {
    artifactType(name: $type) {
      artifactCollection(name: $collection) {
        name
        artifacts(after: $cursor, first: $perPage, order: $order, filters: $filters) {
          edges { version node { ${ARTIFACT_FIELDS}
            aliases { alias artifactCollection { name project { name entity { name } } } } } }
          pageInfo { endCursor hasNextPage }
        }
      }
    }
  }
}`

const COLLECTIONS_QUERY = `query ArtifactTypeArtifactCollections($entity: String!, $project: String!, $type: String!,
  $cursor: String, $perPage: Int, $filters: JSONString, $order: String) {
  project(entityName: $entity, name: $project) {
    artifactType(name: $type) {
      artifactCollections(after: $cursor, first: $perPage, filters: $filters, order: $order) {
        edges { node { ${ARTIFACT_COLLECTION_FIELDS} } } pageInfo { endCursor hasNextPage }
      }
    }
  }
}`

const TYPES_QUERY = `query ProjectArtifactTypes($entity: String!, $project: String!, $cursor: String, $perPage: Int) {
  project(name: $project, entityName: $entity) {
    artifactTypes(after: $cursor, first: $perPage) {
      edges { node { id name description createdAt } } pageInfo { endCursor hasNextPage }
    }
  }
}`

const runArtifactsQuery = (field: 'inputArtifacts' | 'outputArtifacts') => `query Run${
  field === 'inputArtifacts' ? 'Input' : 'Output'
}Artifacts($entity: String!, $project: String!, $run: String!, $cursor: String, $perPage: Int) {
  project(entityName: $entity, name: $project) {
    run(name: $run) {
      artifacts: ${field}(after: $cursor, first: $perPage) {
        edges { node { ${ARTIFACT_FIELDS}
          aliases { alias artifactCollection { name project { name entity { name } } } } } }
        pageInfo { endCursor hasNextPage }
      }
    }
  }
}`

/** The entity an artifact lives under: for registry projects, the organization's org entity. */
async function entityFor(ctx: ApiContext, entity: string | undefined, project: string): Promise<string> {
  if (isRegistryProject(project)) return (await resolveOrganization(ctx, entity)).entity
  return ctx.entity(entity)
}

/**
 * A decoded membership as an {@link Artifact} of its collection.
 *
 * @example
 * ```ts
 * const a = artifactFromMembership(ctx, membership, 'team/mnist/digits:best')
 * ```
 */
export function artifactFromMembership(ctx: ApiContext, node: MembershipNode, path: string): Artifact {
  const collection = node.artifactCollection
  if (!node.artifact || !collection) throw new NotFoundError('artifact', path)
  return new Artifact(
    ctx,
    toArtifactData(node.artifact, {
      entity: collection.project.entity.name,
      project: collection.project.name,
      collection: collection.name,
      versionIndex: node.versionIndex,
      aliases: (node.aliases ?? []).map((a) => a.alias),
    }),
  )
}

/**
 * Options of {@link fetchArtifact}.
 *
 * @example
 * ```ts
 * await api.artifact('team/mnist/cnn:latest', { type: 'model' })
 * ```
 */
export interface FetchArtifactOptions {
  /** Expected type: a version of another type is an error, as in Python. */
  readonly type?: string
  readonly signal?: AbortSignal
}

/**
 * One artifact version by name (PROTOCOL.md §2, §8): `name[:alias]`, `project/name[:alias]` or
 * `entity/project/name[:alias]`; the alias may be `latest` (the default), `v3` or any alias.
 * For a `wandb-registry-*` project the first part is the organization, resolved to its org
 * entity. A missing project or version is `NotFoundError`.
 *
 * @example
 * ```ts
 * const a = await fetchArtifact(api.context, 'team/mnist/digits:v1')
 * // sent: project(name: "mnist", entityName: "team") { artifactCollectionMembership(name: "digits:v1") { … } }
 * ```
 */
export async function fetchArtifact(
  ctx: ApiContext,
  name: string,
  options: FetchArtifactOptions = {},
): Promise<Artifact> {
  const path = parseArtifactPath(name)
  const project = ctx.project(path.project)
  const entity = await entityFor(ctx, path.entity, project)
  const versionName = path.alias === undefined ? path.collection : `${path.collection}:${path.alias}`
  const variables = { entity, project, name: versionName }
  const data = await ctx.http.graphql({ query: MEMBERSHIP_QUERY, variables, signal: options.signal })
  const found = decode(MembershipByNameResponse, data, 'ArtifactMembershipByName').project
  if (!found) throw new NotFoundError('project', `${entity}/${project}`)
  const where = `${entity}/${project}/${versionName}`
  if (!found.artifactCollectionMembership) throw new NotFoundError('artifact', where)
  const artifact = artifactFromMembership(ctx, found.artifactCollectionMembership, where)
  if (options.type !== undefined && artifact.type !== options.type) {
    throw new WandbError(`artifact ${where} is of type ${artifact.type}, not ${options.type}`)
  }
  return artifact
}

/**
 * Options of {@link listArtifactVersions}.
 *
 * @example
 * ```ts
 * api.artifactVersions('model', 'team/mnist/cnn', { order: '+versionIndex', filters: { alias: 'best' } })
 * ```
 */
export interface ArtifactVersionsOptions {
  /** `[+-]field` (e.g. `+versionIndex`); default: newest first. */
  readonly order?: string
  /** A Mongo filter on the versions; default `{ state: 'COMMITTED' }`, as in Python. */
  readonly filters?: Readonly<Record<string, unknown>>
  /** Versions per request. Default 50. */
  readonly perPage?: number
}

/**
 * The versions of one collection (Python `api.artifacts(type, name)`, formerly
 * `artifact_versions`), newest first. `name` is `collection`, `project/collection` or
 * `entity/project/collection`. A missing project, type or collection is `NotFoundError`.
 *
 * @example
 * ```ts
 * for await (const v of api.artifactVersions('dataset', 'team/mnist/digits')) console.log(v.version, v.aliases)
 * ```
 */
export function listArtifactVersions(
  ctx: ApiContext,
  type: string,
  name: string,
  options: ArtifactVersionsOptions = {},
): PagedListing<Artifact> {
  const path = parseArtifactPath(name)
  if (path.alias !== undefined)
    throw new WandbError(`artifactVersions takes a collection, not a version: ${name}`)
  const filters = JSON.stringify(options.filters ?? { state: 'COMMITTED' })
  return createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const project = ctx.project(path.project)
      const entity = await entityFor(ctx, path.entity, project)
      const variables = {
        entity,
        project,
        type,
        collection: path.collection,
        cursor,
        perPage,
        order: options.order,
        filters,
      }
      const data = await ctx.http.graphql({ query: VERSIONS_QUERY, variables, signal })
      const found = decode(ArtifactVersionsResponse, data, 'ProjectArtifacts').project
      if (!found) throw new NotFoundError('project', `${entity}/${project}`)
      const collection = found.artifactType?.artifactCollection
      if (!collection)
        throw new NotFoundError(
          'artifact collection',
          `${entity}/${project}/${path.collection} (type ${type})`,
        )
      const edges = collection.artifacts?.edges ?? []
      const items = edges.flatMap((e) => {
        if (!e.node) return []
        const versionIndex = /^v(\d+)$/.exec(e.version)?.[1]
        const context = {
          entity,
          project,
          collection: collection.name,
          versionIndex: versionIndex ? Number(versionIndex) : null,
        }
        return [new Artifact(ctx, toArtifactData(e.node, context))]
      })
      const pageInfo = collection.artifacts?.pageInfo
      return {
        items,
        cursor: pageInfo?.endCursor ?? cursor,
        hasNextPage: pageInfo?.hasNextPage ?? false,
      }
    },
    options.perPage ?? 50,
  )
}

/**
 * The collections of one type in a project (`'e/p'` or `'p'`), oldest first. A missing project
 * is `NotFoundError`; an unknown type lists nothing.
 *
 * @example
 * ```ts
 * const names = (await api.artifactCollections('team/mnist', 'model').toArray()).map((c) => c.name)
 * ```
 */
export function listArtifactCollections(
  ctx: ApiContext,
  projectPath: string,
  type: string,
  options: {
    readonly filters?: Readonly<Record<string, unknown>>
    readonly order?: string
    readonly perPage?: number
  } = {},
): PagedListing<ArtifactCollection> {
  const parts = parseProjectPath(projectPath)
  return createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const entity = await entityFor(ctx, parts.entity, parts.project)
      const variables = {
        entity,
        project: parts.project,
        type,
        cursor,
        perPage,
        filters: options.filters ? JSON.stringify(options.filters) : null,
        order: options.order ?? null,
      }
      const data = await ctx.http.graphql({ query: COLLECTIONS_QUERY, variables, signal })
      const found = decode(ArtifactCollectionsResponse, data, 'ArtifactTypeArtifactCollections').project
      if (!found) throw new NotFoundError('project', `${entity}/${parts.project}`)
      const connection = found.artifactType?.artifactCollections
      if (!connection) return { items: [], cursor, hasNextPage: false }
      return {
        items: connection.edges.flatMap((e) => (e.node ? [toArtifactCollection(e.node)] : [])),
        cursor: connection.pageInfo.endCursor ?? cursor,
        hasNextPage: connection.pageInfo.hasNextPage,
      }
    },
    options.perPage ?? 50,
  )
}

/**
 * The artifact types of a project (`'e/p'` or `'p'`). A missing project is `NotFoundError`.
 *
 * @example
 * ```ts
 * (await api.artifactTypes('team/mnist').toArray()).map((t) => t.name) // ['dataset', 'model']
 * ```
 */
export function listArtifactTypes(ctx: ApiContext, projectPath: string): PagedListing<ArtifactType> {
  const parts = parseProjectPath(projectPath)
  return createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const entity = await entityFor(ctx, parts.entity, parts.project)
      const variables = { entity, project: parts.project, cursor, perPage }
      const data = await ctx.http.graphql({ query: TYPES_QUERY, variables, signal })
      const found = decode(ArtifactTypesResponse, data, 'ProjectArtifactTypes').project
      if (!found) throw new NotFoundError('project', `${entity}/${parts.project}`)
      const { edges, pageInfo } = found.artifactTypes
      return {
        items: edges.flatMap((e) => (e.node ? [toArtifactType(e.node)] : [])),
        cursor: pageInfo.endCursor ?? cursor,
        hasNextPage: pageInfo.hasNextPage,
      }
    },
    50,
  )
}

/**
 * The artifacts a run logged (`outputs`, Python `run.logged_artifacts()`) or used (`inputs`,
 * `run.used_artifacts()`), each as a version of its own sequence. A missing run is
 * `NotFoundError`.
 *
 * @example
 * ```ts
 * const models = await api.run('team/mnist/1a2b3c').loggedArtifacts().toArray()
 * ```
 */
export function listRunArtifacts(
  ctx: ApiContext,
  run: RunPath,
  direction: 'inputs' | 'outputs',
): PagedListing<Artifact> {
  const query = runArtifactsQuery(direction === 'inputs' ? 'inputArtifacts' : 'outputArtifacts')
  return createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const entity = await ctx.entity(run.entity)
      const project = ctx.project(run.project)
      const data = await ctx.http.graphql({
        query,
        variables: { entity, project, run: run.id, cursor, perPage },
        signal,
      })
      const found = decode(RunArtifactsResponse, data, 'RunArtifacts').project?.run
      if (!found) throw new NotFoundError('run', `${entity}/${project}/${run.id}`)
      const edges = found.artifacts?.edges ?? []
      const items = edges.flatMap((e) => {
        if (!e.node) return []
        const source = e.node.artifactSequence
        const context = {
          entity: source.project.entity.name,
          project: source.project.name,
          collection: source.name,
          versionIndex: e.node.versionIndex,
        }
        return [new Artifact(ctx, toArtifactData(e.node, context))]
      })
      return {
        items,
        cursor: found.artifacts?.pageInfo.endCursor ?? cursor,
        hasNextPage: found.artifacts?.pageInfo.hasNextPage ?? false,
      }
    },
    50,
  )
}

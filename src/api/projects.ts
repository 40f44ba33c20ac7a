import { decode } from '../codecs/decode.js'
import {
  PROJECT_FIELDS,
  ProjectResponse,
  ProjectsPageResponse,
  UpsertModelResponse,
} from '../codecs/project-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { classifyGraphQLError } from './classify-graphql-error.js'
import { createPagedListing, type PagedListing } from './paged-listing.js'
import { toProject, type Project } from './project.js'
import { parseProjectPath } from './run-path.js'

const PROJECTS_QUERY = `query Projects($entity: String, $cursor: String, $perPage: Int) {
  models(entityName: $entity, after: $cursor, first: $perPage) {
    edges { node { ${PROJECT_FIELDS} } } pageInfo { endCursor hasNextPage } }
}`

const PROJECT_QUERY = `query Project($project: String!, $entity: String!) {
  project(name: $project, entityName: $entity) { ${PROJECT_FIELDS} runCount }
}`

const UPSERT_MODEL_MUTATION = `mutation UpsertModel($name: String!, $entity: String, $description: String) {
  upsertModel(input: {name: $name, entityName: $entity, description: $description}) {
    project { ${PROJECT_FIELDS} } inserted }
}`

/**
 * The projects of an entity (default: the Api's entity) that this key can read, paged through
 * W&B's `models` listing (default 200 per request, as `api.projects()` in Python). There is no
 * total count on the server, so none here either.
 *
 * @example
 * ```ts
 * for await (const p of api.projects('my-team')) console.log(p.path, p.createdAt)
 * // sent: models(entityName: "my-team", first: 200) { edges { node { id name entityName … } } pageInfo }
 * ```
 */
export function listProjects(ctx: ApiContext, entityName?: string): PagedListing<Project> {
  return createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const entity = await ctx.entity(entityName)
      const data = await ctx.http.graphql({
        query: PROJECTS_QUERY,
        variables: { entity, cursor, perPage },
        signal,
      })
      const models = decode(ProjectsPageResponse, data, 'Projects').models
      const edges = models?.edges ?? []
      return {
        items: edges.flatMap((e) => (e.node ? [toProject(ctx, e.node, entity)] : [])),
        cursor: models?.pageInfo.endCursor ?? cursor,
        hasNextPage: models?.pageInfo.hasNextPage ?? false,
      }
    },
    200,
  )
}

/**
 * One project by path (`'entity/project'` or `'project'`) with its run count. A project that is
 * missing or not readable with this key is `NotFoundError` (W&B does not tell them apart).
 *
 * @example
 * ```ts
 * const p = await fetchProject(api.context, 'team/mnist')
 * p.runCount // 1234
 * ```
 */
export async function fetchProject(
  ctx: ApiContext,
  path: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Project> {
  const parts = parseProjectPath(path)
  const entity = await ctx.entity(parts.entity)
  const variables = { entity, project: parts.project }
  const data = await ctx.http.graphql({ query: PROJECT_QUERY, variables, signal: options.signal })
  const node = decode(ProjectResponse, data, 'Project').project
  if (!node) throw new NotFoundError('project', `${entity}/${parts.project}`)
  return toProject(ctx, node, entity)
}

/** What {@link createProject} creates. */
export interface CreateProjectOptions {
  readonly name: string
  /** Default: the Api's entity. */
  readonly entity?: string
  readonly description?: string
  readonly signal?: AbortSignal
}

/**
 * Creates a project (`upsertModel`), or returns the existing one of that name (updating its
 * description when one is given). Retried on transient failures: an upsert by name stores the
 * same thing twice. Creating in an entity this key cannot write to is an `AuthError`.
 *
 * @example
 * ```ts
 * const p = await api.createProject({ name: 'mnist-v2', entity: 'my-team' })
 * // sent: upsertModel(input: {name: "mnist-v2", entityName: "my-team"}) { project { … } inserted }
 * ```
 */
export async function createProject(ctx: ApiContext, options: CreateProjectOptions): Promise<Project> {
  const entity = await ctx.entity(options.entity)
  const variables = { name: options.name, entity, description: options.description }
  const data = await ctx.http
    .graphql({ query: UPSERT_MODEL_MUTATION, variables, signal: options.signal, idempotent: true })
    .catch((error: unknown) => {
      throw classifyGraphQLError(error, 'project', `${entity}/${options.name}`)
    })
  const node = decode(UpsertModelResponse, data, 'UpsertModel').upsertModel?.project
  if (!node) throw new WandbError(`upsertModel returned no project for ${entity}/${options.name}`)
  return toProject(ctx, node, entity)
}

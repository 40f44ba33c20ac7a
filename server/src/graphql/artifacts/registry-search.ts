import { compileDocumentFilter } from '../../filters/match-document.js'
import type { CollectionKind } from '../../store/artifact-rows.js'
import { findArtifactById, listCollections, listMemberships } from '../../store/artifacts.js'
import { canRead, listProjects } from '../../store/projects.js'
import type { EntityRow, ProjectRow } from '../../store/rows.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { collectionConnection, collectionDocument } from './collection-list.js'
import { connectionOf } from './connection.js'
import { artifactNodes } from './create-artifact-nodes.js'
import { versionDocument } from './version-document.js'

// Registry search over an (org) entity: registries are its projects, their collections and
// versions are filtered with Mongo filters on W&B's search fields. The client already applied
// the `wandb-registry-` prefix rule to registry names.

type Args = Record<string, any>

const PROJECT_ORDER: Readonly<Record<string, keyof ProjectRow>> = {
  name: 'name',
  created_at: 'created_at',
  createdAt: 'created_at',
  updated_at: 'updated_at',
  updatedAt: 'updated_at',
}

/** Readable projects of the entity matching a registry filter (`name`, `id`, `description`, dates). */
function matchingProjects(ctx: GraphqlContext, entity: EntityRow, filters: unknown): ProjectRow[] {
  const test = compileDocumentFilter(filters)
  return listProjects(ctx.db, entity.id, 0, 1_000_000).filter(
    (p) =>
      canRead(ctx.db, ctx.viewer, p) &&
      test({
        id: p.id,
        project_id: p.id,
        name: p.name,
        entity_id: p.entity_id,
        description: p.description,
        created_at: p.created_at,
        createdAt: p.created_at,
        updated_at: p.updated_at,
        updatedAt: p.updated_at,
      }),
  )
}

/** `Entity.projects(filters, order, after, first)`: registries of an org entity. */
export function registryProjects(ctx: GraphqlContext, entity: EntityRow, args: Args): unknown {
  let rows = matchingProjects(ctx, entity, args.filters)
  if (args.order) {
    const field = PROJECT_ORDER[String(args.order).replace(/^[+-]/, '')]
    if (!field) throw userError(`invalid order ${JSON.stringify(args.order)} (name, created_at, updated_at)`)
    const sign = String(args.order).startsWith('-') ? -1 : 1
    rows = [...rows].sort((a, b) =>
      a[field] === b[field] ? a.id - b.id : (a[field]! < b[field]! ? -1 : 1) * sign,
    )
  }
  return connectionOf(
    rows,
    args,
    (p) => p.id,
    (p, cursor) => ({ node: ctx.nodes.project(p), cursor }),
    {
      first: 100,
      max: 1000,
    },
  )
}

/** `Entity.artifactCollections(projectFilters, filters, collectionTypes, …)`. */
export function registryCollections(ctx: GraphqlContext, entity: EntityRow, args: Args): unknown {
  const projects = matchingProjects(ctx, entity, args.projectFilters)
  const kinds = args.collectionTypes as CollectionKind[] | null | undefined
  const rows = listCollections(ctx.db, { projectIds: projects.map((p) => p.id), ...(kinds ? { kinds } : {}) })
  return collectionConnection(artifactNodes(ctx), rows, args)
}

/** `Entity.artifactMemberships(projectFilters, collectionFilters, filters, …)`, newest first. */
export function registryMemberships(ctx: GraphqlContext, entity: EntityRow, args: Args): unknown {
  const nodes = artifactNodes(ctx)
  const projects = matchingProjects(ctx, entity, args.projectFilters)
  const collectionTest = compileDocumentFilter(args.collectionFilters)
  const versionTest = compileDocumentFilter(args.filters)
  const collections = listCollections(ctx.db, { projectIds: projects.map((p) => p.id) }).filter((c) =>
    collectionTest(collectionDocument(nodes, c)),
  )
  const memberships = listMemberships(
    ctx.db,
    collections.map((c) => c.id),
  )
    .filter((m) => versionTest(versionDocument(ctx.db, m, findArtifactById(ctx.db, m.artifact_id)!)))
    .sort((a, b) => b.id - a.id)
  return connectionOf(
    memberships,
    args,
    (m) => m.id,
    (m, cursor) => ({ node: nodes.membership(m), cursor }),
    {
      first: 100,
      max: 1000,
    },
  )
}

import { canRead, findProject, findProjectById } from '../../store/projects.js'
import type { ProjectRow } from '../../store/rows.js'
import {
  deleteView,
  findViewById,
  listViews,
  updateView,
  upsertView,
  type ViewRow,
} from '../../store/views.js'
import { parseExtendedJson } from '../../util/extended-json.js'
import { decodeId } from '../../util/opaque-id.js'
import { randomRunId } from '../../util/random-id.js'
import { assertWritable, entityOrDefault } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'
import { decodeCursor, encodeCursor, pageInfo, pageSize } from '../nodes/page-info.js'
import { projectRowOf } from '../parent-rows.js'
import { ViewNode } from './view-node.js'

type Args = Record<string, any>

interface UpsertViewInput {
  readonly clientMutationId?: string | null
  readonly id?: string | null
  readonly entityName?: string | null
  readonly projectName?: string | null
  readonly name?: string | null
  readonly displayName?: string | null
  readonly description?: string | null
  readonly type?: string | null
  readonly spec?: unknown
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** The view row behind a `View` id with its project, when the viewer may read it. */
function readableView(ctx: GraphqlContext, id: string): { view: ViewRow; project: ProjectRow } | undefined {
  const viewId = Number(decodeId('View', id)?.[0])
  const view = Number.isSafeInteger(viewId) ? findViewById(ctx.db, viewId) : undefined
  const project = view && findProjectById(ctx.db, view.project_id)
  return view && project && canRead(ctx.db, ctx.viewer, project) ? { view, project } : undefined
}

/** A spec must be a JSON object; it is stored as the text sent (NaN tokens kept). */
function checkSpec(spec: unknown): string | null {
  if (spec === null || spec === undefined) return null
  let value: unknown
  try {
    value = typeof spec === 'string' ? parseExtendedJson(spec) : spec
  } catch {
    throw userError('spec is not valid JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw userError('spec must be a JSON object')
  return typeof spec === 'string' ? spec : JSON.stringify(spec)
}

/** `Project.allViews(viewType, viewName, first, after)`: keyset-paged by view id. */
export const viewProjectFields = {
  allViews(parent: unknown, args: Args, ctx: GraphqlContext): unknown {
    const project = projectRowOf(ctx, parent)
    if (!project) return { edges: [], pageInfo: pageInfo([], false, false) }
    const limit = pageSize(args.first, 50, 1000)
    const after = Number(decodeCursor(args.after) ?? 0) || 0
    const rows = listViews(
      ctx.db,
      project.id,
      { type: str(args.viewType), name: str(args.viewName) },
      after,
      limit + 1,
    )
    const edges = rows
      .slice(0, limit)
      .map((row) => ({ node: new ViewNode(ctx, row, project), cursor: encodeCursor(row.id) }))
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        rows.length > limit,
        after > 0,
      ),
    }
  },
}

/** `Query.view(id)`: null when missing or not readable. */
export const viewQueryFields = {
  view(_parent: unknown, args: Args, ctx: GraphqlContext): unknown {
    const found = readableView(ctx, String(args.id))
    return found ? new ViewNode(ctx, found.view, found.project) : null
  },
}

/**
 * `upsertView`: by `id` (update), else by entity, project, type (default `runs`) and `name`
 * (a random slug when absent): insert or update. The project must exist and be writable.
 * `deleteView(id)`: success when it was deleted.
 */
export const viewMutationFields = {
  upsertView(_parent: unknown, args: { input: UpsertViewInput }, ctx: GraphqlContext): unknown {
    const { input } = args
    const fields = {
      displayName: input.displayName ?? null,
      description: input.description ?? null,
      spec: checkSpec(input.spec),
    }
    const result = ctx.db.transaction((): { view: ViewRow; project: ProjectRow; inserted: boolean } => {
      if (input.id) {
        const found = readableView(ctx, input.id)
        if (!found) throw notFound(`view ${input.id}`)
        assertWritable(ctx, found.project)
        return {
          view: updateView(ctx.db, found.view.id, fields) as ViewRow,
          project: found.project,
          inserted: false,
        }
      }
      const entityName = entityOrDefault(ctx, input.entityName)
      const projectName = str(input.projectName)
      if (!projectName) throw userError('upsertView needs projectName (or the id of an existing view)')
      const project = findProject(ctx.db, entityName, projectName)
      if (!project || !canRead(ctx.db, ctx.viewer, project))
        throw notFound(`project ${entityName}/${projectName}`)
      assertWritable(ctx, project)
      const type = str(input.type) ?? 'runs'
      const { view, inserted } = upsertView(
        ctx.db,
        project.id,
        type,
        str(input.name) ?? randomRunId(),
        ctx.viewer.id,
        fields,
      )
      return { view, project, inserted }
    })()
    return {
      clientMutationId: input.clientMutationId ?? null,
      view: new ViewNode(ctx, result.view, result.project),
      inserted: result.inserted,
    }
  },

  deleteView(
    _parent: unknown,
    args: { input: { clientMutationId?: string | null; id: string } },
    ctx: GraphqlContext,
  ): unknown {
    const found = readableView(ctx, args.input.id)
    if (!found) return { clientMutationId: args.input.clientMutationId ?? null, success: false }
    assertWritable(ctx, found.project)
    return {
      clientMutationId: args.input.clientMutationId ?? null,
      success: deleteView(ctx.db, found.view.id),
    }
  },
}

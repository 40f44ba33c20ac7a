import { decode } from '../codecs/decode.js'
import { toRun, type Run } from '../codecs/run.js'
import { RunsResponse } from '../codecs/runs-page-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import type { CursorPage, PageLoader } from './cursor-pages.js'
import type { RunsQueryShape } from './runs-query-shape.js'
import { sendGraphql } from './send-graphql.js'

/** A run and the cursor of its edge (where to resume right after it). @internal */
export interface RunEdge {
  readonly run: Run
  readonly cursor: string
}

/**
 * Loads pages of a compiled runs query for one entity (PROTOCOL.md §3), keeping the runs that pass
 * the client-side residual. The page's cursor is the last edge's `cursor` (kept or not), else
 * `pageInfo.endCursor`; `project: null` is a `NotFoundError`.
 *
 * @example
 * ```ts
 * const load = runsPageLoader(ctx, compiled, 'team')
 * const first = await load(null, signal) // { items: [{ run, cursor }, …], cursor, hasNextPage }
 * ```
 */
export function runsPageLoader(ctx: ApiContext, query: RunsQueryShape, entity: string): PageLoader<RunEdge> {
  const { project } = query.variables
  const context = { entity, project, appUrl: ctx.appUrl }
  return async (cursor, signal): Promise<CursorPage<RunEdge>> => {
    const variables = { ...query.variables, entity, cursor }
    const data = await sendGraphql(ctx, { query: query.document, variables, signal })
    const found = decode(RunsResponse, data, 'Runs').project
    if (!found) throw new NotFoundError('project', `${entity}/${project}`)
    const { edges, pageInfo } = found.runs
    const items: RunEdge[] = []
    for (const edge of edges) {
      const run = toRun(edge.node, context)
      if (query.testResidual(run)) items.push({ run, cursor: edge.cursor })
    }
    return {
      items,
      cursor: edges[edges.length - 1]?.cursor ?? pageInfo.endCursor ?? cursor,
      hasNextPage: pageInfo.hasNextPage,
    }
  }
}

import type { ProjectRow } from '../../store/rows.js'
import { countRuns, queryRunPage, type RunPageRequest } from '../../store/run-query.js'
import type { GraphqlContext } from '../context.js'
import { pageInfo, type PageInfo } from './page-info.js'

/** GraphQL `RunConnection` for one project (filters/order/keyset paging in `run-query.ts`). */
export function runConnection(
  ctx: GraphqlContext,
  project: ProjectRow,
  req: RunPageRequest,
): { edges: { node: object; cursor: string }[]; pageInfo: PageInfo; totalCount: () => number } {
  const page = queryRunPage(ctx.db, ctx.indexer, project.id, req)
  const edges = page.rows.map(({ row, cursor }) => ({ node: ctx.nodes.run(row, project), cursor }))
  return {
    edges,
    pageInfo: pageInfo(
      edges.map((e) => e.cursor),
      page.hasNextPage,
      Boolean(req.after),
    ),
    totalCount: () => countRuns(ctx.db, ctx.indexer, project.id, req.filters),
  }
}

import { decode } from '../codecs/decode.js'
import { ReportsPageResponse } from '../codecs/report-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { createPagedListing, type PagedListing } from './paged-listing.js'
import { toReport, type Report } from './report.js'
import { parseProjectPath } from './run-path.js'

/** Options of {@link listReports}. */
export interface ReportsOptions {
  /** Only the report with this name (W&B's `viewName`). */
  readonly name?: string
}

const REPORTS_QUERY = `query ProjectViews($project: String!, $entity: String!, $viewName: String, $cursor: String, $perPage: Int) {
  project(name: $project, entityName: $entity) {
    allViews(viewType: "runs", viewName: $viewName, first: $perPage, after: $cursor) {
      edges { node { id name displayName description user { username photoUrl email } spec updatedAt createdAt } cursor }
      pageInfo { endCursor hasNextPage } } }
}`

/**
 * The reports of a project (`'entity/project'` or `'project'`), 50 per request as in Python's
 * `api.reports()`, each with its `spec` parsed and its app URL. W&B has no report count. A
 * missing project is a `NotFoundError` when the listing is read.
 *
 * @example
 * ```ts
 * for await (const r of api.reports('team/mnist')) console.log(r.title, r.url)
 * // sent: project(…) { allViews(viewType: "runs", viewName: null, first: 50) { edges { node { … spec } } } }
 * ```
 */
export function listReports(
  ctx: ApiContext,
  projectPath: string,
  options: ReportsOptions = {},
): PagedListing<Report> {
  const parts = parseProjectPath(projectPath)
  const viewName = options.name === undefined ? null : safeDecode(options.name)
  return createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const entity = await ctx.entity(parts.entity)
      const project = parts.project
      const variables = { entity, project, viewName, cursor, perPage }
      const data = await ctx.http.graphql({ query: REPORTS_QUERY, variables, signal })
      const response = decode(ReportsPageResponse, data, 'ProjectViews').project
      if (!response) throw new NotFoundError('project', `${entity}/${project}`)
      const edges = response.allViews?.edges ?? []
      return {
        items: edges.map((e) => toReport(e.node, { entity, project, appUrl: ctx.appUrl })),
        cursor: edges[edges.length - 1]?.cursor ?? response.allViews?.pageInfo.endCursor ?? cursor,
        hasNextPage: response.allViews?.pageInfo.hasNextPage ?? false,
      }
    },
    50,
  )
}

/** Python unquotes the name first (names copied from URLs arrive percent-encoded). */
function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}

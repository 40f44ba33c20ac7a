import { decode } from '../codecs/decode.js'
import { SWEEP_FIELDS, SweepsPageResponse } from '../codecs/sweep-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { createPagedListing, type PagedListing } from './paged-listing.js'
import { parseProjectPath } from './run-path.js'
import { toSweep, type Sweep } from './sweep.js'

const SWEEPS_QUERY = `query Sweeps($project: String!, $entity: String!, $cursor: String, $perPage: Int) {
  project(name: $project, entityName: $entity) {
    sweeps(after: $cursor, first: $perPage) { edges { node { ${SWEEP_FIELDS} } } pageInfo { endCursor hasNextPage } }
  }
}`

/**
 * The sweeps of a project (`'entity/project'` or `'project'`), newest server order, paged
 * (default 50 per request). A missing project is a `NotFoundError` when the listing is read.
 *
 * @example
 * ```ts
 * for await (const s of listSweeps(api.context, 'team/mnist')) console.log(s.id, s.state, s.bestLoss)
 * ```
 */
export function listSweeps(ctx: ApiContext, projectPath: string): PagedListing<Sweep> {
  const parts = parseProjectPath(projectPath)
  return createPagedListing(
    ctx,
    async (cursor, perPage, signal) => {
      const entity = await ctx.entity(parts.entity)
      const project = ctx.project(parts.project)
      const data = await ctx.http.graphql({
        query: SWEEPS_QUERY,
        variables: { entity, project, cursor, perPage },
        signal,
      })
      const response = decode(SweepsPageResponse, data, 'Sweeps').project
      if (!response) throw new NotFoundError('project', `${entity}/${project}`)
      const edges = response.sweeps?.edges ?? []
      return {
        items: edges.map((e) => toSweep(ctx, e.node, { entity, project })),
        cursor: response.sweeps?.pageInfo.endCursor ?? cursor,
        hasNextPage: response.sweeps?.pageInfo.hasNextPage ?? false,
      }
    },
    50,
  )
}

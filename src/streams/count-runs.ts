import { decode } from '../codecs/decode.js'
import { RunCountResponse } from '../codecs/runs-page-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { runsPages } from './runs-pages.js'
import type { RunsQueryShape } from './runs-query-shape.js'
import { sendGraphql } from './send-graphql.js'

/**
 * How many runs a query yields (`len(runs)` in Python), capped by its limit, and always exact:
 * - without a client-side residual, one `runCount(filters)` request;
 * - with a residual (a filter the server cannot run), the server's count would only be an upper
 *   bound, so the runs are **streamed and counted** instead (one request per page).
 *
 * @example
 * ```ts
 * await countRuns(ctx, api.runs('team/mnist').where({ state: 'finished' }).compile()) // 1234
 * ```
 */
export async function countRuns(
  ctx: ApiContext,
  query: RunsQueryShape,
  signal?: AbortSignal,
): Promise<number> {
  const limit = query.limit ?? Infinity
  if (query.residual !== null && query.residual !== undefined) {
    const controller = new AbortController()
    const abort = () => controller.abort(signal?.reason)
    signal?.addEventListener('abort', abort, { once: true })
    let count = 0
    try {
      for await (const page of runsPages(ctx, query, controller.signal)) count += page.runs.length
    } finally {
      signal?.removeEventListener('abort', abort)
      controller.abort()
    }
    return count
  }
  const entity = await ctx.entity(query.variables.entity)
  const { project, filters } = query.variables
  const data = await sendGraphql(ctx, {
    query: query.countDocument,
    variables: { entity, project, filters },
    signal,
  })
  const found = decode(RunCountResponse, data, 'RunCount').project
  if (!found) throw new NotFoundError('project', `${entity}/${project}`)
  return Math.min(found.runCount, limit)
}

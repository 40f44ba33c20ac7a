import { decode } from '../codecs/decode.js'
import { LEGACY_SWEEP_FIELDS, SWEEP_FIELDS, SweepResponse } from '../codecs/sweep-codec.js'
import { GraphQLResponseError } from '../errors/graphql-response-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { parseSweepPath } from './sweep-path.js'
import { toSweep, type Sweep } from './sweep.js'

const sweepQuery = (fields: string) => `query Sweep($project: String!, $entity: String!, $name: String!) {
  project(name: $project, entityName: $entity) { sweep(sweepName: $name) { ${fields} } }
}`

/**
 * One sweep by path (`e/p/id`, `e/p/sweeps/id`, `p/id`, `id`, or an app URL), with its YAML
 * config parsed. Like the Python SDK, a server that rejects the full selection (older
 * versions lack some fields) is asked again with the legacy one. A missing sweep is
 * `NotFoundError` (`resource: 'sweep'`), a missing project `NotFoundError` (`'project'`).
 *
 * @example
 * ```ts
 * const sweep = await fetchSweep(api.context, 'team/mnist/abc123')
 * // sent: project(name: "mnist", entityName: "team") { sweep(sweepName: "abc123") { id name … config runCount } }
 * ```
 */
export async function fetchSweep(
  ctx: ApiContext,
  path: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Sweep> {
  const parts = parseSweepPath(path)
  const entity = await ctx.entity(parts.entity)
  const project = ctx.project(parts.project)
  const variables = { entity, project, name: parts.id }
  const send = (fields: string) =>
    ctx.http.graphql({ query: sweepQuery(fields), variables, signal: options.signal })
  const data = await send(SWEEP_FIELDS).catch((error: unknown) => {
    if (error instanceof GraphQLResponseError) return send(LEGACY_SWEEP_FIELDS)
    throw error
  })
  const response = decode(SweepResponse, data, 'Sweep')
  if (!response.project) throw new NotFoundError('project', `${entity}/${project}`)
  if (!response.project.sweep) throw new NotFoundError('sweep', `${entity}/${project}/${parts.id}`)
  return toSweep(ctx, response.project.sweep, { entity, project })
}

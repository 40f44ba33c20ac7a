import type { ProjectNode } from '../codecs/project-codec.js'
import { createRunsQuery } from '../dsl/builders/create-runs-query.js'
import type { RunsQuery } from '../dsl/builders/runs-query.js'
import type { ApiContext } from '../internal/api-context.js'
import { createRunsRuntime } from '../streams/runs-runtime.js'
import { listSweeps } from './list-sweeps.js'
import type { PagedListing } from './paged-listing.js'
import type { Sweep } from './sweep.js'

/**
 * A W&B project: plain frozen data plus `runs()` and `sweeps()` listings.
 *
 * @example
 * ```ts
 * const p = await api.project('team/mnist')
 * p.runCount // 1234
 * const finished = await p.runs().where({ state: 'finished' }).count()
 * ```
 */
export interface Project {
  /** The project name (used in paths). */
  readonly name: string
  readonly entity: string
  /** `entity/project`, accepted by `api.runs(path)`. */
  readonly path: string
  /** The project's page in the W&B app. */
  readonly url: string
  /** The opaque GraphQL id. */
  readonly storageId: string
  /** The numeric project id some mutations take, when the server sent it. */
  readonly internalId: string | null
  readonly description: string | null
  readonly createdAt: Date | null
  readonly isBenchmark: boolean
  /** True when this key cannot write to the project (null when the server did not say). */
  readonly readOnly: boolean | null
  /** How many runs it has: set by `api.project()`, null in listings (W&B lists no counts). */
  readonly runCount: number | null
  /** The project's runs as a runs query (`.where/.orderBy/.stream()`). */
  runs(): RunsQuery
  /** The project's sweeps. */
  sweeps(): PagedListing<Sweep>
}

/**
 * Builds a {@link Project} from a decoded node.
 *
 * @example
 * ```ts
 * toProject(ctx, node, 'team').path // 'team/mnist'
 * ```
 */
export function toProject(ctx: ApiContext, node: ProjectNode, entityFallback: string): Project {
  const entity = node.entityName ?? entityFallback
  const path = `${entity}/${node.name}`
  return Object.freeze({
    name: node.name,
    entity,
    path,
    url: `${ctx.appUrl}/${encodeURIComponent(entity)}/${encodeURIComponent(node.name)}`,
    storageId: node.id,
    internalId: node.internalId === null || node.internalId === undefined ? null : String(node.internalId),
    description: node.description ?? null,
    createdAt: node.createdAt ?? null,
    isBenchmark: node.isBenchmark ?? false,
    readOnly: node.readOnly ?? null,
    runCount: node.runCount ?? null,
    runs: () => createRunsQuery({ entity, project: node.name, runtime: createRunsRuntime(ctx) }),
    sweeps: () => listSweeps(ctx, path),
  })
}

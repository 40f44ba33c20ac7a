import type { RunPath } from '../api/run-path.js'
import type { ApiContext } from '../internal/api-context.js'

/** A run path with the Api's default entity and project filled in. @internal */
export interface ResolvedRun {
  readonly entity: string
  readonly project: string
  readonly id: string
}

/**
 * Fills the parts of a run path the user left out (entity from the option, env or viewer;
 * project from the option, env or `uncategorized`). Accepts a `Run`, which is already complete.
 *
 * @example
 * ```ts
 * await resolveRun(ctx, { entity: undefined, project: 'mnist', id: 'a1' }) // { entity: 'me', project: 'mnist', id: 'a1' }
 * ```
 */
export async function resolveRun(ctx: ApiContext, path: RunPath | ResolvedRun): Promise<ResolvedRun> {
  return { entity: await ctx.entity(path.entity), project: ctx.project(path.project), id: path.id }
}

/** `entity/project/id`, for error messages and event tags. @internal */
export const runPathString = (run: ResolvedRun): string => `${run.entity}/${run.project}/${run.id}`

import { Api } from './api.js'
import type { RunsQuery } from '../dsl/builders/runs-query.js'
import type { AnyRunSchema, RunSchema } from '../dsl/types/run-schema.js'
import type { RunHandle } from './run-handle.js'

let shared: Api | undefined

/**
 * The `Api` behind the free functions, built from the environment (`WANDB_API_KEY`,
 * `WANDB_BASE_URL`, `WANDB_ENTITY`, `WANDB_PROJECT`, `.netrc`) on first use.
 *
 * @example
 * ```ts
 * defaultApi().stats().requests
 * ```
 */
export function defaultApi(): Api {
  return (shared ??= new Api())
}

/**
 * A run handle on the default `Api`: `run('team/mnist/1a2b3c').get()`.
 *
 * @example
 * ```ts
 * import { run } from 'wandb-rx'
 * const { summary } = await run('team/mnist/1a2b3c').get()
 * ```
 */
export function run(path: string): RunHandle {
  return defaultApi().run(path)
}

/**
 * A runs query on the default `Api`, the design's `runs(path).where(...).orderBy(...).stream()`.
 *
 * @example
 * ```ts
 * import { runs } from 'wandb-rx'
 * runs('team/mnist').where({ state: 'running' }).stream().subscribe((r) => console.log(r.name))
 * ```
 */
export function runs<S extends RunSchema = AnyRunSchema>(path?: string): RunsQuery<S> {
  return defaultApi().runs<S>(path)
}

import { decode } from '../codecs/decode.js'
import { toRun, type Run } from '../codecs/run.js'
import { UpsertBucketResponse } from '../codecs/upsert-bucket-codec.js'
import { FULL_RUN_FRAGMENT } from '../compiler/run-fragments.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { randomRunId } from '../internal/random-run-id.js'
import { sendRunMutation } from './send-run-mutation.js'

/** What {@link createRun} creates. */
export interface CreateRunOptions {
  /** Default: the Api's project (option, `WANDB_PROJECT`, else `uncategorized`). */
  readonly project?: string
  /** Default: the Api's entity (option, `WANDB_ENTITY`, else the viewer's). */
  readonly entity?: string
  /** The run id; default a random 8-character `[a-z0-9]` id. */
  readonly name?: string
  /** Default `running`. */
  readonly state?: 'running' | 'pending'
  readonly signal?: AbortSignal
}

const CREATE_RUN_MUTATION = `mutation UpsertBucket($project: String, $entity: String, $name: String!, $state: String) {
  upsertBucket(input: {modelName: $project, entityName: $entity, name: $name, state: $state}) {
    bucket { projectId project { name entity { name } } ...RunFields } inserted }
}
${FULL_RUN_FRAGMENT}`

/**
 * Creates an empty run (Python `Api.create_run()` / `Run.create()`), for example a `pending` run
 * that an agent picks up later, and returns it. The project is created when it does not exist.
 *
 * The id is chosen here, before sending, so a retry after a lost reply upserts the same run
 * instead of creating a second one: the call is retried on transient failures. Given the name of
 * an existing run, it sets that run's state and returns it.
 *
 * @example
 * ```ts
 * const run = await api.createRun({ project: 'mnist', state: 'pending' })
 * run.id    // 'k3v9x0qa'
 * run.state // 'pending'
 * // sent: upsertBucket(input: {modelName: "mnist", entityName: "<default>", name: "k3v9x0qa", state: "pending"})
 * ```
 */
export async function createRun(ctx: ApiContext, options: CreateRunOptions = {}): Promise<Run> {
  const state = options.state ?? 'running'
  if (state !== 'running' && state !== 'pending') {
    throw new RangeError(`createRun: state must be "running" or "pending", got ${JSON.stringify(state)}`)
  }
  const entity = await ctx.entity(options.entity)
  const project = ctx.project(options.project)
  const name = options.name ?? randomRunId()
  const run = { entity, project, id: name }
  const data = await sendRunMutation(ctx, run, {
    query: CREATE_RUN_MUTATION,
    variables: { entity, project, name, state },
    signal: options.signal,
    idempotent: true,
  })
  ctx.forget(run)
  const bucket = decode(UpsertBucketResponse, data, 'UpsertBucket').upsertBucket?.bucket
  if (!bucket) throw new WandbError(`upsertBucket returned no run for ${entity}/${project}/${name}`)
  const where = bucket.project
  const context = {
    entity: where?.entity.name ?? entity,
    project: where?.name ?? project,
    appUrl: ctx.appUrl,
  }
  return toRun(bucket, context)
}

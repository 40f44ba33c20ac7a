import * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { SuccessPayload } from '../codecs/mutation-success-codec.js'
import { toRun, unwrapConfig, type Run } from '../codecs/run.js'
import { UpsertBucketResponse } from '../codecs/upsert-bucket-codec.js'
import { wrapConfig } from '../codecs/wrap-config.js'
import { FULL_RUN_FRAGMENT } from '../compiler/run-fragments.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { stringifyExtendedJson } from '../internal/extended-json.js'
import { resolveRun, runPathString, type ResolvedRun } from '../streams/resolved-run.js'
import { queueRunWrite } from './run-write-queue.js'
import { sendRunMutation } from './send-run-mutation.js'
import { readRunWriteState } from './run-write-state.js'
import type { RunPath } from './run-path.js'

/** The run attributes `update()` can change; fields left out stay as they are on the server. */
export interface RunUpdate {
  /** The display name (W&B `displayName`, Python `run.name`). */
  readonly name?: string
  /** Free-text notes; `''` clears them. */
  readonly notes?: string
  /** The complete new tag list. */
  readonly tags?: readonly string[]
  readonly group?: string
  readonly jobType?: string
  /** Config values, unwrapped (`{ lr: 0.1 }`). Merged into the stored config unless `replaceConfig`. */
  readonly config?: Readonly<Record<string, unknown>>
}

/** Options of {@link updateRun}. */
export interface RunUpdateOptions {
  /** Send `config` as the whole new config instead of merging it into the stored one. Default false. */
  readonly replaceConfig?: boolean
  readonly signal?: AbortSignal
}

const UPDATE_MUTATION = `mutation UpsertBucket($id: String!, $displayName: String, $notes: String, $tags: [String!],
  $config: JSONString, $groupName: String, $jobType: String) {
  upsertBucket(input: {id: $id, displayName: $displayName, notes: $notes, tags: $tags, config: $config,
    groupName: $groupName, jobType: $jobType}) { bucket { projectId ...RunFields } }
}
${FULL_RUN_FRAGMENT}`

// As Python 0.30 sends it: one input object variable, not inline fields.
const UPDATE_STATE_MUTATION = `mutation UpdateRunState($input: UpdateRunStateInput!) {
  updateRunState(input: $input) { success }
}`
const UpdateRunStateResponse = t.type({ updateRunState: SuccessPayload })

const STOP_MUTATION = `mutation StopRun($id: ID!) { stopRun(input: {id: $id}) { success } }`
const StopRunResponse = t.type({ stopRun: SuccessPayload })

// PROTOCOL §7: `$deleteArtifacts` is declared only when it is true.
const DELETE_MUTATION = `mutation DeleteRun($id: ID!) { deleteRun(input: {id: $id}) { clientMutationId } }`
const DELETE_WITH_ARTIFACTS_MUTATION = `mutation DeleteRun($id: ID!, $deleteArtifacts: Boolean) {
  deleteRun(input: {id: $id, deleteArtifacts: $deleteArtifacts}) { clientMutationId }
}`

/**
 * Changes a run's name, notes, tags, group, job type and config (Python `run.update()`), and
 * returns the run as the server stored it.
 *
 * The config is merged key by key into the stored one (a key set to `undefined` is removed), or
 * replaces it with `{ replaceConfig: true }`; either way it is sent re-wrapped as W&B stores it,
 * `{k: {value, desc: null}}`, with the SDK's `_wandb` entry kept. The merge reads the stored
 * config right before writing, and writes to one run from one `Api` are queued, so concurrent
 * updates do not drop each other's keys.
 *
 * Retried on transient failures: it is an `upsertBucket` by storage id with absolute values, so
 * sending it twice stores the same thing.
 *
 * @example
 * ```ts
 * const run = await api.run('team/mnist/1a2b3c').update({ name: 'baseline', tags: ['v2'], config: { lr: 3e-4 } })
 * run.config // { ...the old config, lr: 0.0003 }
 * // sent: upsertBucket(input: {id, displayName: "baseline", tags: ["v2"], config: "{\"lr\":{\"value\":0.0003,\"desc\":null},…}"})
 * ```
 */
export async function updateRun(
  ctx: ApiContext,
  path: RunPath,
  changes: RunUpdate,
  options: RunUpdateOptions = {},
): Promise<Run> {
  const run = await resolveRun(ctx, path)
  return queueRunWrite(ctx, runPathString(run), async () => {
    const state = await readRunWriteState(ctx, run, changes.config ? 'config' : 'id', options.signal)
    const stored = state.config ?? {}
    const config = changes.config
      ? wrapConfig(
          options.replaceConfig ? changes.config : { ...unwrapConfig(stored), ...changes.config },
          stored,
        )
      : undefined
    const variables = {
      id: state.id,
      displayName: changes.name,
      notes: changes.notes,
      tags: changes.tags,
      config: config && stringifyExtendedJson(config),
      groupName: changes.group,
      jobType: changes.jobType,
    }
    const data = await sendRunMutation(ctx, run, {
      query: UPDATE_MUTATION,
      variables,
      signal: options.signal,
      idempotent: true,
    })
    ctx.forget(run)
    const bucket = decode(UpsertBucketResponse, data, 'UpsertBucket').upsertBucket?.bucket
    if (!bucket) throw new NotFoundError('run', runPathString(run))
    return toRun(bucket, { entity: run.entity, project: run.project, appUrl: ctx.appUrl })
  })
}

/**
 * Sets a run's state to `pending` or `failed` (Python `run.update_state()`, the only two states
 * W&B lets clients set; a writer finishing the run sets the others).
 *
 * Retried on transient failures: setting an absolute state twice is the same as once.
 *
 * @example
 * ```ts
 * await api.run('team/mnist/1a2b3c').setState('failed')
 * // sent: updateRunState(input: $input) { success }, $input = { id: "<storage id>", state: "failed" }
 * ```
 */
export async function setRunState(
  ctx: ApiContext,
  path: RunPath,
  state: 'pending' | 'failed',
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  if (state !== 'pending' && state !== 'failed') {
    throw new RangeError(`setState: a client may set "pending" or "failed", got ${JSON.stringify(state)}`)
  }
  const run = await resolveRun(ctx, path)
  await queueRunWrite(ctx, runPathString(run), async () => {
    const { id } = await readRunWriteState(ctx, run, 'id', options.signal)
    const query = UPDATE_STATE_MUTATION
    const data = await sendRunMutation(ctx, run, {
      query,
      variables: { input: { id, state } },
      signal: options.signal,
      idempotent: true,
    })
    ctx.forget(run)
    assertSuccess(
      decode(UpdateRunStateResponse, data, 'UpdateRunState').updateRunState,
      'updateRunState',
      run,
    )
  })
}

/**
 * Asks a running run to stop (Python `run.stop()`): the server flags it and its writer sees
 * `{"stopped": true}` in the next file_stream reply.
 *
 * Retried on transient failures: raising the flag twice is the same as once.
 *
 * @example
 * ```ts
 * await api.run('team/mnist/1a2b3c').stop()
 * // sent: stopRun(input: {id: "<storage id>"}) { success }
 * ```
 */
export async function stopRun(
  ctx: ApiContext,
  path: RunPath,
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  const run = await resolveRun(ctx, path)
  await queueRunWrite(ctx, runPathString(run), async () => {
    const { id } = await readRunWriteState(ctx, run, 'id', options.signal)
    const data = await sendRunMutation(ctx, run, {
      query: STOP_MUTATION,
      variables: { id },
      signal: options.signal,
      idempotent: true,
    })
    ctx.forget(run)
    assertSuccess(decode(StopRunResponse, data, 'StopRun').stopRun, 'stopRun', run)
  })
}

/**
 * Deletes a run with its history, logs and files (Python `run.delete(delete_artifacts)`);
 * `deleteArtifacts: true` also deletes the artifacts it logged.
 *
 * Never retried: if the reply is lost after the server deleted the run, a second attempt would
 * fail with "not found" and hide the success. On a transport error, check with `get()`.
 *
 * @example
 * ```ts
 * await api.run('team/mnist/1a2b3c').delete({ deleteArtifacts: true })
 * await api.run('team/mnist/1a2b3c').get() // NotFoundError
 * ```
 */
export async function deleteRun(
  ctx: ApiContext,
  path: RunPath,
  options: { readonly deleteArtifacts?: boolean; readonly signal?: AbortSignal } = {},
): Promise<void> {
  const run = await resolveRun(ctx, path)
  await queueRunWrite(ctx, runPathString(run), async () => {
    const { id } = await readRunWriteState(ctx, run, 'id', options.signal)
    const request = options.deleteArtifacts
      ? { query: DELETE_WITH_ARTIFACTS_MUTATION, variables: { id, deleteArtifacts: true } }
      : { query: DELETE_MUTATION, variables: { id } }
    await sendRunMutation(ctx, run, { ...request, signal: options.signal, idempotent: false })
    ctx.forget(run)
  })
}

function assertSuccess(payload: { success?: boolean | null } | null, what: string, run: ResolvedRun): void {
  if (payload?.success !== true) throw new WandbError(`${what} for run ${runPathString(run)} did not succeed`)
}

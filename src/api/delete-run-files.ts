import { lastValueFrom, toArray } from 'rxjs'
import * as t from 'io-ts'
import { decode } from '../codecs/decode.js'
import { SuccessPayload } from '../codecs/mutation-success-codec.js'
import type { RunFile } from '../codecs/run-file-codec.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { WandbError } from '../errors/wandb-error.js'
import type { ApiContext } from '../internal/api-context.js'
import { files } from '../streams/files.js'
import { resolveRun, runPathString } from '../streams/resolved-run.js'
import type { RunPath } from './run-path.js'
import { readRunWriteState } from './run-write-state.js'
import { sendRunMutation } from './send-run-mutation.js'

const DELETE_FILES_MUTATION = `mutation deleteFiles($files: [ID!]!, $projectId: Int) {
  deleteFiles(input: {files: $files, projectId: $projectId}) { success }
}`
const DeleteFilesResponse = t.type({ deleteFiles: SuccessPayload })

/**
 * Deletes files from a run, by name or as listed (`RunFile`, whose `id` is used directly). Names
 * are looked up first, and a name the run does not have is a `NotFoundError` before anything is
 * deleted.
 *
 * Never retried: a second attempt after a lost reply would report the files as not deleted.
 *
 * @example
 * ```ts
 * await api.run('team/mnist/1a2b3c').deleteFiles(['checkpoints/old.pt', 'debug.log'])
 * // sent: deleteFiles(input: {files: ["<file id>", "<file id>"], projectId: 12}) { success }
 * ```
 */
export async function deleteRunFiles(
  ctx: ApiContext,
  path: RunPath,
  targets: readonly (string | RunFile)[],
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  if (targets.length === 0) return
  const run = await resolveRun(ctx, path)
  const names = targets.filter((f): f is string => typeof f === 'string')
  const ids = targets.filter((f): f is RunFile => typeof f !== 'string').map((f) => f.id)
  if (names.length > 0) {
    const found = await lastValueFrom(files(ctx, run, { names }).pipe(toArray()))
    for (const name of names) {
      const match = found.find((f) => f.name === name)
      if (!match) throw new NotFoundError('file', `${runPathString(run)}/${name}`)
      ids.push(match.id)
    }
  }
  const { projectId } = await readRunWriteState(ctx, run, 'id', options.signal)
  const variables = {
    files: ids,
    projectId: projectId === null || projectId === undefined ? null : Number(projectId),
  }
  const data = await sendRunMutation(ctx, run, {
    query: DELETE_FILES_MUTATION,
    variables,
    signal: options.signal,
    idempotent: false,
  })
  if (decode(DeleteFilesResponse, data, 'deleteFiles').deleteFiles?.success !== true) {
    throw new WandbError(
      `deleteFiles on run ${runPathString(run)} did not delete every file (missing, or not writable)`,
    )
  }
}

import { GraphQLResponseError } from '../errors/graphql-response-error.js'
import type { ApiContext } from '../internal/api-context.js'
import type { ResolvedRun } from '../streams/resolved-run.js'
import { sendRunMutation } from './send-run-mutation.js'
import { serverFeatureEnabled } from './server-features.js'

// wandb-core's document (`core/api/graphql/mutation_mark_run_files_uploaded.graphql`).
const MARK_RUN_FILES_UPLOADED = `mutation MarkRunFilesUploaded($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
  markRunFilesUploaded(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) { success }
}`

/** Transports (one per `Api`) whose server has no `markRunFilesUploaded`: asked once, never again. */
const unsupported = new WeakSet<object>()

/** A validation error naming the mutation: the server's schema lacks it. */
const lacksMutation = (error: unknown) =>
  error instanceof GraphQLResponseError &&
  error.errors.some((e) => /markRunFilesUploaded|MarkRunFilesUploadedInput/.test(e.message))

/**
 * Tells the server that files PUT to their upload URLs are complete, as Python 0.30's
 * `run.upload_file` does through wandb-core. W&B's cloud commits uploads from object-store
 * notifications, but self-hosted servers register a file only through this mutation. Sent only
 * when `serverInfo.features` enables `MARK_RUN_FILES_UPLOADED` (Python's gate; asked once per
 * `Api`). A server that lists it but rejects the mutation in validation (`Cannot query field
 * "markRunFilesUploaded"`) is remembered per `Api` too; other errors propagate.
 *
 * @example
 * ```ts
 * await markRunFilesUploaded(ctx, run, ['model.bin']) // after the PUT succeeded
 * ```
 */
export async function markRunFilesUploaded(
  ctx: ApiContext,
  run: ResolvedRun,
  files: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  if (unsupported.has(ctx.http) || !(await serverFeatureEnabled(ctx, 'MARK_RUN_FILES_UPLOADED', signal)))
    return
  const variables = { entity: run.entity, project: run.project, run: run.id, files }
  try {
    await sendRunMutation(ctx, run, { query: MARK_RUN_FILES_UPLOADED, variables, signal, idempotent: true })
  } catch (error) {
    if (!lacksMutation(error)) throw error
    unsupported.add(ctx.http)
  }
}

import { deleteRun as storeDeleteRun, updateRun } from '../../store/runs.js'
import { writableRunById } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { checkState } from './run-input.js'

interface IdInput {
  readonly clientMutationId?: string | null
  readonly id: string
}

/** `updateRunState(input: {id, state}) { success }`. */
export function updateRunState(args: { input: IdInput & { state: string } }, ctx: GraphqlContext): unknown {
  const state = checkState(args.input.state)
  const { run } = writableRunById(ctx, args.input.id)
  updateRun(ctx.db, run.id, { state })
  return { clientMutationId: args.input.clientMutationId ?? null, success: true }
}

/** `stopRun`: flags the run; its writer learns it from the next file_stream reply. */
export function stopRun(args: { input: IdInput }, ctx: GraphqlContext): unknown {
  const { run } = writableRunById(ctx, args.input.id)
  updateRun(ctx.db, run.id, { stopped: 1 })
  return { clientMutationId: args.input.clientMutationId ?? null, success: true }
}

/** `deleteRun`: removes the run with its history, events, console lines and files. */
export function deleteRun(
  args: { input: IdInput & { deleteArtifacts?: boolean | null } },
  ctx: GraphqlContext,
): unknown {
  const { run } = writableRunById(ctx, args.input.id)
  storeDeleteRun(ctx.db, run.id)
  return { clientMutationId: args.input.clientMutationId ?? null }
}

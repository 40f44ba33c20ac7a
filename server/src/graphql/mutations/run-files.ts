import { deleteFile, ensureFile, findFile, findFileById } from '../../store/files.js'
import { canWrite, findProject, findProjectById } from '../../store/projects.js'
import { findRun, findRunById } from '../../store/runs.js'
import { decodeId, encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'
import { uploadUrl } from '../nodes/file-node.js'

interface CreateRunFilesInput {
  readonly clientMutationId?: string | null
  readonly entityName: string
  readonly projectName: string
  readonly runName: string
  readonly files: readonly string[]
}

/** Relative names only: no empty, `.` or `..` segments, no leading slash. */
export function checkFileName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 1024 ||
    name.split('/').some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw userError(`invalid file name ${JSON.stringify(name)}`)
  }
}

/**
 * `createRunFiles`: signed upload URLs on this server (PUT the bytes there). An empty `runID`
 * means the project is missing or not writable, as on W&B.
 */
export function createRunFiles(args: { input: CreateRunFilesInput }, ctx: GraphqlContext): unknown {
  const { input } = args
  const empty = { clientMutationId: input.clientMutationId ?? null, runID: '', uploadHeaders: [], files: [] }
  const project = findProject(ctx.db, input.entityName, input.projectName)
  if (!project || !canWrite(ctx.db, ctx.viewer, project)) return empty
  const run = findRun(ctx.db, project.id, input.runName)
  if (!run) throw notFound(`run ${input.entityName}/${input.projectName}/${input.runName}`)
  input.files.forEach(checkFileName)
  const files = ctx.db.transaction(() =>
    input.files.map((name) => ({ name, uploadUrl: uploadUrl(ctx, ensureFile(ctx.db, run.id, name).id) })),
  )()
  return {
    clientMutationId: input.clientMutationId ?? null,
    runID: encodeId('Run', run.name, project.name, project.entity_name),
    uploadHeaders: [],
    files,
  }
}

/** `deleteFiles(input: {files: [File.id]})`: success when every listed file was deleted. */
export function deleteFiles(
  args: { input: { clientMutationId?: string | null; files: readonly string[] } },
  ctx: GraphqlContext,
): unknown {
  let deleted = 0
  ctx.db.transaction(() => {
    for (const id of args.input.files) {
      const fileId = Number(decodeId('File', id)?.[0])
      const file = Number.isInteger(fileId) ? findFileById(ctx.db, fileId) : undefined
      const run = file && findRunById(ctx.db, file.run_id)
      const project = run && findProjectById(ctx.db, run.project_id)
      if (!file || !project || !canWrite(ctx.db, ctx.viewer, project)) continue
      if (deleteFile(ctx.db, file.id)) deleted++
    }
  })()
  return {
    clientMutationId: args.input.clientMutationId ?? null,
    success: deleted === args.input.files.length,
  }
}

/**
 * `markRunFilesUploaded`: the client says its PUTs are done (wandb-core after `run.upload_file`).
 * The bytes are stored at the PUT here, so this only checks: success when the run is writable
 * and every named file was created by `createRunFiles` and has content.
 */
export function markRunFilesUploaded(args: { input: CreateRunFilesInput }, ctx: GraphqlContext): unknown {
  const { input } = args
  const project = findProject(ctx.db, input.entityName, input.projectName)
  if (!project || !canWrite(ctx.db, ctx.viewer, project))
    throw notFound(`project ${input.entityName}/${input.projectName}`)
  const run = findRun(ctx.db, project.id, input.runName)
  if (!run) throw notFound(`run ${input.entityName}/${input.projectName}/${input.runName}`)
  const success = input.files.every((name) => (findFile(ctx.db, run.id, name)?.md5 ?? null) !== null)
  return { clientMutationId: input.clientMutationId ?? null, success }
}

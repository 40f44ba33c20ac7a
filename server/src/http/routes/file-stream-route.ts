import { applyFileStream } from '../../filestream/apply-file-stream.js'
import { FileStreamError } from '../../filestream/file-stream-error.js'
import { parseFileStream } from '../../filestream/parse-file-stream.js'
import { canWrite, canWriteEntity, checkName, findProject, upsertProject } from '../../store/projects.js'
import type { UserRow } from '../../store/rows.js'
import { findRun, insertRun } from '../../store/runs.js'
import { errorJson, json, type Reply } from '../reply.js'
import type { ServerState } from '../server-state.js'

/**
 * POST /files/{entity}/{project}/{run}/file_stream (PROTOCOL §9). Everything in one request is
 * applied in one synchronous transaction, committed before the reply is written.
 * W&B wants `upsertBucket` first; a missing project/run is created here anyway (running), so
 * a writer that raced its upsert loses nothing.
 */
export function fileStreamRoute(
  state: ServerState,
  user: UserRow,
  params: { entity: string; project: string; run: string },
  rawBody: unknown,
): Reply {
  const { db } = state
  try {
    const body = parseFileStream(rawBody)
    return db.transaction(() => {
      let project = findProject(db, params.entity, params.project)
      if (project ? !canWrite(db, user, project) : !canWriteEntity(db, user, params.entity)) {
        return errorJson(403, `permission denied: you cannot write to ${params.entity}/${params.project}`)
      }
      checkName('run', params.run)
      project ??= upsertProject(db, params.entity, params.project).project
      const run = findRun(db, project.id, params.run) ?? insertRun(db, project.id, params.run, user.id, {})
      return json(200, applyFileStream(db, run, body))
    })()
  } catch (error) {
    if (error instanceof FileStreamError) return errorJson(error.status, error.message)
    if (error instanceof Error && error.name === 'NameError') return errorJson(400, error.message)
    throw error
  }
}

import { fileContent, findFile, findFileById, putFileContent } from '../../store/files.js'
import { canRead, findProject } from '../../store/projects.js'
import type { FileRow, UserRow } from '../../store/rows.js'
import { findRun } from '../../store/runs.js'
import { errorJson, json, type Reply } from '../reply.js'
import type { ServerState } from '../server-state.js'

function download(state: ServerState, file: FileRow | undefined, range?: string): Reply {
  const content = file && fileContent(state.db, file.id)
  if (!file || !content) return errorJson(404, 'file not found')
  // `Range: bytes=N-` (what resuming clients send): the rest of the file as a 206.
  const start = Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1] ?? NaN)
  if (Number.isSafeInteger(start) && start > 0 && start < content.length) {
    return {
      status: 206,
      body: content.subarray(start),
      headers: {
        'content-type': file.mimetype ?? 'application/octet-stream',
        'content-range': `bytes ${start}-${content.length - 1}/${content.length}`,
      },
    }
  }
  return {
    status: 200,
    body: content,
    headers: {
      'content-type': file.mimetype ?? 'application/octet-stream',
      ...(file.md5 ? { 'content-md5': file.md5 } : {}),
    },
  }
}

/** GET /files/{entity}/{project}/{run}/{name}: the `url` of a file, API key required. */
export function downloadRoute(
  state: ServerState,
  user: UserRow,
  params: { entity: string; project: string; run: string; name: string },
  range?: string,
): Reply {
  const project = findProject(state.db, params.entity, params.project)
  const run =
    project && canRead(state.db, user, project) ? findRun(state.db, project.id, params.run) : undefined
  return download(state, run && findFile(state.db, run.id, params.name), range)
}

/** GET /direct/{id}/{name}?exp&sig: the signed `directUrl`, no API key. */
export function directRoute(state: ServerState, id: number, query: URLSearchParams, range?: string): Reply {
  if (!state.signer.verify('get', id, query)) return errorJson(403, 'invalid or expired signature')
  return download(state, findFileById(state.db, id), range)
}

/** PUT /upload/{id}?exp&sig: the signed upload URL handed out by `createRunFiles`. */
export function uploadRoute(state: ServerState, id: number, query: URLSearchParams, body: Buffer): Reply {
  if (!state.signer.verify('put', id, query)) return errorJson(403, 'invalid or expired signature')
  if (!findFileById(state.db, id)) return errorJson(404, 'file not found')
  putFileContent(state.db, id, body)
  return json(200, {})
}

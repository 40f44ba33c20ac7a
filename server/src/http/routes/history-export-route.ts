import { EXPORT_GET } from '../../export/export-urls.js'
import { findHistoryExport, readHistoryExport } from '../../store/history-exports.js'
import { byteRange } from '../byte-range.js'
import { errorJson, type Reply } from '../reply.js'
import type { ServerState } from '../server-state.js'

/** A request for an export file: the parts of its path and what was asked. */
export interface ExportRequest {
  readonly runId: number
  readonly file: string
  readonly head: boolean
  readonly range?: string
}

const FILE_NAME = /^(\d+)-(\d+)-([A-Za-z0-9_-]+)\.parquet$/

/**
 * GET or HEAD /history-exports/{run}/{minStep}-{maxStep}-{uid}.parquet?exp&sig: a Parquet
 * history file by signed URL (no API key, like a storage bucket). Files never change, so
 * `ETag` is fixed; `Range` gives 206 (or 416 past the end), which Arrow readers rely on.
 */
export function historyExportRoute(state: ServerState, req: ExportRequest, query: URLSearchParams): Reply {
  const uid = FILE_NAME.exec(req.file)?.[3]
  if (!uid || !state.signer.verify(EXPORT_GET, uid, query))
    return errorJson(403, 'invalid or expired signature')
  const file = findHistoryExport(state.db, uid)
  if (!file || file.run_id !== req.runId) return errorJson(404, 'file not found')
  const size = file.size_bytes
  const headers = {
    'content-type': 'application/vnd.apache.parquet',
    'accept-ranges': 'bytes',
    etag: file.etag,
    'cache-control': 'private, max-age=31536000, immutable',
  }
  const range = byteRange(req.range, size)
  if (range.kind === 'unsatisfiable') {
    return { status: 416, body: '', headers: { ...headers, 'content-range': `bytes */${size}` } }
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1]
  const length = end - start + 1
  return {
    status: range.kind === 'partial' ? 206 : 200,
    body: req.head ? '' : readHistoryExport(state.db, file.id, start, end),
    headers: {
      ...headers,
      'content-length': String(length),
      ...(range.kind === 'partial' ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    },
  }
}

import { FileStreamError } from './file-stream-error.js'

export interface FileChunk {
  readonly offset: number
  readonly content: readonly string[]
}

/** A validated file_stream body (PROTOCOL §9). */
export interface FileStreamBody {
  readonly files: Readonly<Record<string, FileChunk>>
  readonly complete: boolean
  readonly exitcode: number | null
  readonly preempting: boolean
  readonly uploaded: readonly string[]
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function parseFileStream(body: unknown): FileStreamBody {
  if (!isObject(body)) throw new FileStreamError('file_stream body must be a JSON object')
  const files: Record<string, FileChunk> = {}
  if (body.files !== undefined && body.files !== null) {
    if (!isObject(body.files)) throw new FileStreamError('"files" must be an object')
    for (const [name, chunk] of Object.entries(body.files)) {
      if (!isObject(chunk)) throw new FileStreamError(`files["${name}"] must be {offset, content}`)
      const { offset, content } = chunk
      if (!Number.isInteger(offset) || (offset as number) < 0) {
        throw new FileStreamError(`files["${name}"].offset must be a non-negative integer`)
      }
      if (!Array.isArray(content) || !content.every((line) => typeof line === 'string')) {
        throw new FileStreamError(`files["${name}"].content must be an array of strings`)
      }
      files[name] = { offset: offset as number, content }
    }
  }
  const exitcode = body.exitcode
  if (exitcode !== undefined && exitcode !== null && typeof exitcode !== 'number') {
    throw new FileStreamError('"exitcode" must be a number')
  }
  const uploaded = Array.isArray(body.uploaded) ? body.uploaded.filter((u) => typeof u === 'string') : []
  return {
    files,
    complete: body.complete === true,
    exitcode: typeof exitcode === 'number' ? exitcode : null,
    preempting: body.preempting === true,
    uploaded,
  }
}

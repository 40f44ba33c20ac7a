import type { IncomingMessage } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { HttpError } from './reply.js'

/**
 * Reads a request body up to `limit` bytes (413 beyond, checked against Content-Length first),
 * un-gzipping `Content-Encoding: gzip` bodies (FILESTREAM_GZIP) with the same limit.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit)
    throw new HttpError(413, `request body over ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new HttpError(413, `request body over ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  const body = Buffer.concat(chunks)
  if (req.headers['content-encoding'] !== 'gzip') return body
  try {
    return gunzipSync(body, { maxOutputLength: limit })
  } catch (error) {
    const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    throw new HttpError(tooBig ? 413 : 400, tooBig ? `request body over ${limit} bytes` : 'bad gzip body')
  }
}

/** Reads and parses a JSON body; malformed JSON is a 400. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit)
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw new HttpError(400, 'request body is not valid JSON')
  }
}

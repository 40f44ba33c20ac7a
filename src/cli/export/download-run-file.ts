import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { RunFile } from '../../codecs/run-file-codec.js'
import type { HttpClient } from '../../transport/http-client.js'

/**
 * Downloads one run file under `root`, streaming to disk. Skips a file already there with the
 * same size and MD5 (so re-running an export re-downloads nothing), writes to a temp name and
 * renames on success (a kill never leaves a truncated file under the real name), and checks
 * the MD5 W&B reports. Returns whether it downloaded.
 *
 * @example
 * ```ts
 * await downloadRunFile(api.context.http, file, 'out/files/a1')
 * ```
 */
export async function downloadRunFile(
  http: HttpClient,
  file: RunFile,
  root: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const target = resolve(root, file.name)
  if (!target.startsWith(resolve(root) + sep))
    throw new Error(`refusing to write ${file.name} outside ${root}`)
  if (existsSync(target) && statSync(target).size === file.sizeBytes && (await sameMd5(target, file.md5)))
    return false
  const url = file.directUrl ?? file.url
  if (url === null) throw new Error(`${file.name}: W&B gave no download URL`)
  mkdirSync(dirname(target), { recursive: true })
  const response = await http.request({ url, signal, operation: 'DownloadFile' })
  if (!response.body) throw new Error(`${file.name}: empty response`)
  const partial = join(dirname(target), `.${file.id.replace(/[^\w-]/g, '_')}.partial`)
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    createWriteStream(partial),
    { signal },
  )
  if (!(await sameMd5(partial, file.md5)))
    throw new Error(`${file.name}: MD5 does not match what W&B reports`)
  renameSync(partial, target)
  return true
}

/** True when W&B gave no MD5, or the file's base64 MD5 equals it. */
async function sameMd5(path: string, md5: string | null): Promise<boolean> {
  if (md5 === null || md5 === '') return true
  const hash = createHash('md5')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('base64') === md5
}

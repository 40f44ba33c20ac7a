import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/**
 * Base64 MD5 of a file's content (W&B's file digest form), streamed; `undefined` when the file
 * cannot be read (missing, a directory, no permission).
 *
 * @example
 * ```ts
 * await md5File('data/labels.csv') // 'rL0Y20zC+Fzt72VPzMSk2A=='
 * ```
 */
export async function md5File(path: string): Promise<string | undefined> {
  const hash = createHash('md5')
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  } catch {
    return undefined
  }
  return hash.digest('base64')
}

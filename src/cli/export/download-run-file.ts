import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Api } from '../../api/api.js'
import type { RunFile } from '../../codecs/run-file-codec.js'
import { downloadRunFile } from '../../node/download-run-file.js'
import { md5File } from '../../node/md5-file.js'

/**
 * Downloads one run file for `export --files`, skipping a file already on disk with the same
 * size and MD5, so re-running an export downloads nothing twice. The transfer itself is the
 * library's `downloadRunFile` (streamed, atomic, MD5-verified, resumable). Returns whether it
 * downloaded.
 *
 * @example
 * ```ts
 * await fetchRunFile(api, file, 'out/files/a1')
 * ```
 */
export async function fetchRunFile(
  api: Api,
  file: RunFile,
  root: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const target = resolve(root, file.name)
  if (existsSync(target) && statSync(target).size === file.sizeBytes) {
    if (!file.md5 || (await md5File(target)) === file.md5) return false
  }
  await downloadRunFile(api, file, { root, replace: true, ...(signal ? { signal } : {}) })
  return true
}

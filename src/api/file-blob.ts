import type { RunFile } from '../codecs/run-file-codec.js'
import { contextOf, type ContextSource } from '../internal/context-of.js'
import { openRunFile } from './open-run-file.js'

/**
 * A run file's content as a `Blob`, the browser-friendly counterpart of Node's disk download
 * (no `node:` imports). The whole file is held in memory; for large files use
 * {@link fileStream}.
 *
 * @example
 * ```ts
 * const f = await api.run('team/mnist/1a2b3c').file('config.yaml')
 * const text = await (await fileBlob(api, f)).text()
 * ```
 */
export async function fileBlob(
  api: ContextSource,
  file: RunFile,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Blob> {
  const response = await openRunFile(contextOf(api), file, { signal: options.signal })
  return response.blob()
}

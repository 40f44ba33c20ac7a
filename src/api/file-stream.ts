import type { RunFile } from '../codecs/run-file-codec.js'
import { contextOf, type ContextSource } from '../internal/context-of.js'
import { openRunFile } from './open-run-file.js'

/**
 * A run file's content as a web `ReadableStream` of bytes, read as the consumer pulls (no
 * buffering of the whole file). Works in browsers and Node; cancel the stream (or abort
 * `signal`) to stop the transfer.
 *
 * @example
 * ```ts
 * const f = await api.run('team/mnist/1a2b3c').file('output.log')
 * const reader = (await fileStream(api, f)).getReader()
 * for (let r = await reader.read(); !r.done; r = await reader.read()) show(r.value)
 * ```
 */
export async function fileStream(
  api: ContextSource,
  file: RunFile,
  options: { readonly signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array>> {
  const response = await openRunFile(contextOf(api), file, { signal: options.signal })
  return response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() })
}

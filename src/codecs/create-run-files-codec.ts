import * as t from 'io-ts'
import { nullable } from './nullable.js'

/**
 * The `createRunFiles` payload (PROTOCOL §6): where to PUT each file and the headers to send. An
 * empty `runID` means the project is missing or not writable with this key.
 */
export const CreateRunFilesResponse = t.type({
  createRunFiles: nullable(
    t.type({
      runID: nullable(t.string),
      uploadHeaders: nullable(t.array(t.string)),
      files: t.array(t.type({ name: t.string, uploadUrl: nullable(t.string) })),
    }),
  ),
})
export type CreateRunFilesResponse = t.TypeOf<typeof CreateRunFilesResponse>

/**
 * `"Key:Value"` upload header strings as a header object, split at the first `:` (values may
 * contain colons, e.g. URLs or timestamps).
 *
 * @example
 * ```ts
 * parseUploadHeaders(['Content-Type:application/octet-stream', 'x-ms-blob-type:BlockBlob'])
 * // { 'Content-Type': 'application/octet-stream', 'x-ms-blob-type': 'BlockBlob' }
 * ```
 */
export function parseUploadHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return headers
}

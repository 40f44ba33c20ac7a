/**
 * A response body as decoded text pieces, one per chunk received, so that a long body never
 * becomes one string before {@link parseJsonPieces} has split it (a string over 128 KiB costs V8 a
 * large-object allocation on freshly mapped pages). Decoding is UTF-8 with replacement, as
 * `Response.text()` does; a body that is not a web stream (some injected fetches) is read with
 * `text()`. Rejects as the body's read does (an abort, a broken connection).
 *
 * @example
 * ```ts
 * const pieces = await readTextPieces(await fetch(url)) // ['{"data":…', …]
 * ```
 */
export async function readTextPieces(response: Response): Promise<string[]> {
  const body = response.body as ReadableStream<Uint8Array> | null
  if (body === null || typeof body.getReader !== 'function') return [await response.text()]
  const decoder = new TextDecoder()
  const reader = body.getReader()
  const pieces: string[] = []
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const text = decoder.decode(value, { stream: true })
      if (text !== '') pieces.push(text)
    }
  } finally {
    reader.releaseLock()
  }
  const rest = decoder.decode()
  if (rest !== '') pieces.push(rest)
  return pieces
}

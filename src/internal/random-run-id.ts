const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A random 8-character run id from `[a-z0-9]`, like the ids the W&B SDK generates, drawn from
 * the platform's CSPRNG (`crypto.getRandomValues`, in browsers and Node ≥ 18).
 *
 * @example
 * ```ts
 * randomRunId() // 'k3v9x0qa'
 * ```
 */
export function randomRunId(length = 8): string {
  const bytes = new Uint8Array(length * 2)
  let id = ''
  while (id.length < length) {
    globalThis.crypto.getRandomValues(bytes)
    // 252 = 7 * 36: rejecting bytes at or above it keeps every character equally likely.
    for (const b of bytes) if (b < 252 && id.length < length) id += ALPHABET[b % 36]
  }
  return id
}

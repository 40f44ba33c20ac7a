/** A resolved `Range` request: the bytes to send, or why none can be. */
export type ByteRange =
  | { readonly kind: 'whole' }
  | { readonly kind: 'partial'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' }

/**
 * Resolves a `Range` header against a file of `size` bytes (RFC 9110 §14): `bytes=a-b`, `a-`
 * and `-n`. No header, another unit, a malformed or a multi-range value means the whole file
 * (which the RFC allows); a range starting past the end, or `-0`, is unsatisfiable.
 *
 * @example byteRange('bytes=-4', 10) // { kind: 'partial', start: 6, end: 9 }
 */
export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '')
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' }
  const [first, last] = [match[1] as string, match[2] as string]
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  if (last !== '' && Number(last) < start) return { kind: 'whole' }
  if (start >= size) return { kind: 'unsatisfiable' }
  const end = last === '' ? size - 1 : Number(last)
  return { kind: 'partial', start, end: Math.min(end, size - 1) }
}

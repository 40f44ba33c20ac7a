import { unusedNulMarker } from './extended-json.js'

/**
 * Parses JSON that arrived as text pieces (one per network chunk) without first joining them into
 * one string, when the text is mostly one long array of strings: a history window is
 * `{"data":{"project":{"run":{"history":["{…}","{…}",…]}}}}`, ~400 KB.
 *
 * Why: V8 puts every string over 128 KiB in its large-object space, on freshly mapped pages, so
 * one 400 KB string costs ~100 page faults: on the 2-core VMs we measure on that is ~2 ms per
 * window, more than parsing the JSON itself. Here the array is cut between elements into groups
 * under that size, each parsed on its own, and the short text around it (the envelope) is parsed
 * with a marker in the array's place.
 *
 * The cuts need no full scan: each is the first `","` in a piece whose first quote is not escaped
 * (an even run of backslashes before it). The result is only used when every group and the
 * envelope parse; if one does not (another shape, bare NaN tokens, a cut that was not between
 * elements, which leaves a group's brackets or quotes unbalanced), `fallback` parses the joined
 * text, so the answer is always the one `fallback(pieces.join(''))` gives.
 *
 * @example
 * ```ts
 * parseJsonPieces(['{"rows":["a","b"', ',"c"]}'], JSON.parse) // => { rows: ['a', 'b', 'c'] }
 * ```
 */
export function parseJsonPieces(pieces: readonly string[], fallback: (text: string) => unknown): unknown {
  const merged = mergeSmall(pieces)
  if (merged.length < 2) return fallback(merged[0] ?? '')
  return splitParse(merged) ?? fallback(merged.join(''))
}

/** Pieces are merged up to this many chars, well under V8's 128 KiB large-object threshold. */
const PIECE_CHARS = 48 * 1024

/** How far into the text the long array may start. */
const ENVELOPE_CHARS = 512

/** Consecutive short pieces joined, so that cuts and the envelope's ends are found within one. */
function mergeSmall(pieces: readonly string[]): string[] {
  const merged: string[] = []
  let current = ''
  for (const piece of pieces) {
    if (current !== '' && current.length + piece.length > PIECE_CHARS) {
      merged.push(current)
      current = piece
    } else current += piece
  }
  if (current !== '' || merged.length === 0) merged.push(current)
  return merged
}

function splitParse(pieces: readonly string[]): unknown {
  const first = pieces[0]!
  const lastIndex = pieces.length - 1
  const last = pieces[lastIndex]!
  const open = first.indexOf('["')
  const close = last.lastIndexOf('"]')
  // Only a short envelope is tried: a long text before the first `["` (a page of runs, say) is
  // not the shape this is for, and a failed try would cost as much as a parse.
  if (open < 0 || open > ENVELOPE_CHARS || close < 0) return undefined
  const elements: unknown[] = []
  let group = first.slice(open + 1)
  try {
    for (let i = 1; i <= lastIndex; i++) {
      const piece = i === lastIndex ? last.slice(0, close + 1) : pieces[i]!
      const cut = elementBoundary(piece)
      if (cut < 0) {
        group += piece
        continue
      }
      pushAll(elements, JSON.parse(`[${group}${piece.slice(0, cut + 1)}]`) as unknown[])
      group = piece.slice(cut + 2)
    }
    pushAll(elements, JSON.parse(`[${group}]`) as unknown[])
    const envelope = `${first.slice(0, open)}[]${last.slice(close + 2)}`
    return placeArray(envelope, first.slice(0, open).length, elements)
  } catch {
    return undefined
  }
}

/** The index of the closing quote of the first `","` whose quote is not escaped, or -1. */
function elementBoundary(piece: string): number {
  for (let at = piece.indexOf('","'); at >= 0; at = piece.indexOf('","', at + 1)) {
    let slashes = 0
    while (piece.charCodeAt(at - slashes - 1) === 92 /* \ */) slashes++
    // A run reaching the piece's start may continue in the piece before: unknown, try the next.
    if (slashes % 2 === 0 && at - slashes > 0) return at
  }
  return -1
}

function pushAll(into: unknown[], values: readonly unknown[]): void {
  for (const value of values) into.push(value)
}

/**
 * Parses the envelope, whose `[]` at `at` stands for the long array, and puts `elements` there:
 * the slot is marked with a string no string in the envelope can equal, and a reviver swaps it.
 */
function placeArray(envelope: string, at: number, elements: unknown[]): unknown {
  const marker = unusedNulMarker(envelope)
  const marked = `${envelope.slice(0, at)}"${marker.escaped}"${envelope.slice(at + 2)}`
  let placed = 0
  const value = JSON.parse(marked, (_key, v: unknown) => {
    if (v !== marker.value) return v
    placed++
    return elements
  }) as unknown
  // The marker landed inside a string or an object key: `at` was not a value position.
  if (placed !== 1) throw new SyntaxError('the array is not at a value position')
  return value
}

/**
 * `JSON.stringify(value)` as a list of pieces of about 48K chars whose concatenation is exactly
 * that text, so that a big reply (a 1000-row history window is ~400 KB) never exists as one
 * string or one buffer. V8 and malloc put such large blocks on freshly mapped pages, and on the
 * small VMs we run on those page faults cost more than serialising (~3 ms per window).
 *
 * Arrays and plain objects are walked; an array's other elements (strings, a row, an edge of a
 * runs page) are serialised natively, 64 at a time, so the walk stays shallow. An element bigger
 * than a piece becomes a piece of its own.
 *
 * @example
 * ```ts
 * stringifyPieces({ rows: ['a', 'b'] }).join('') // => '{"rows":["a","b"]}'
 * ```
 */
export function stringifyPieces(value: unknown): string[] {
  const pieces: string[] = []
  let parts: string[] = []
  let size = 0
  const put = (text: string) => {
    parts.push(text)
    size += text.length
    if (size >= PIECE_CHARS) {
      pieces.push(parts.join(''))
      parts = []
      size = 0
    }
  }
  const visit = (v: unknown) => {
    if (isWalkableArray(v)) {
      put('[')
      for (let i = 0; i < v.length;) {
        if (i > 0) put(',')
        if (isWalkableArray(v[i])) {
          visit(v[i++])
          continue
        }
        // A run of other elements is written natively, up to BATCH at a time.
        let end = i + 1
        while (end < v.length && end - i < BATCH && !isWalkableArray(v[end])) end++
        put(JSON.stringify(v.slice(i, end)).slice(1, -1))
        i = end
      }
      put(']')
    } else if (isWalkableObject(v)) {
      put('{')
      let separator = ''
      for (const key of Object.keys(v)) {
        const child = v[key]
        if (Array.isArray(child) || isWalkableObject(child)) {
          put(`${separator}${JSON.stringify(key)}:`)
          visit(child)
        } else {
          const text = JSON.stringify(child)
          if (text === undefined) continue // undefined, a function, a symbol: left out, as JSON.stringify does
          put(`${separator}${JSON.stringify(key)}:${text}`)
        }
        separator = ','
      }
      put('}')
    } else put(JSON.stringify(v) ?? 'null')
  }
  visit(value)
  if (parts.length > 0 || pieces.length === 0) pieces.push(parts.join(''))
  return pieces
}

/** Pieces are cut once they pass this many chars, well under V8's 128 KiB large-object limit. */
const PIECE_CHARS = 48 * 1024

/** Array elements serialised by one native call. */
const BATCH = 64

const isWalkableArray = (v: unknown): v is unknown[] => Array.isArray(v) && !hasToJson(v)

const hasToJson = (v: object) => typeof (v as { toJSON?: unknown }).toJSON === 'function'

/** An object JSON.stringify would write key by key (not a Date, a boxed number, a Map…). */
function isWalkableObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || hasToJson(v)) return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

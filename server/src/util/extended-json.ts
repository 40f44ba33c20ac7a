/**
 * W&B "extended JSON": history lines, summaries and sampled rows may hold bare `NaN`, `Infinity`
 * and `-Infinity` tokens (wandb-core `runhistory.ToExtendedJSON`). `JSON.parse` rejects them and
 * `JSON.stringify` turns them into `null`, so both directions go through these helpers.
 */

// Markers survive a JSON round trip as ordinary strings; the NUL prefix keeps collisions with
// real user strings out of practical reach.
const MARKERS = { NaN: '\u0000wrx:NaN', Infinity: '\u0000wrx:Inf', '-Infinity': '\u0000wrx:-Inf' } as const
const FROM_MARKER = new Map<string, number>([
  [MARKERS.NaN, NaN],
  [MARKERS.Infinity, Infinity],
  [MARKERS['-Infinity'], -Infinity],
])
// Strings are matched first so that tokens inside them are left alone (linear, no backtracking).
const TOKENS = /"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g

/**
 * Parses JSON that may contain bare NaN / Infinity / -Infinity tokens. Throws SyntaxError.
 *
 * @example parseExtendedJson('{"loss": NaN, "s": "NaN"}') // { loss: NaN, s: 'NaN' }
 */
export function parseExtendedJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error
  }
  const marked = text.replace(TOKENS, (token) =>
    token.startsWith('"') ? token : JSON.stringify(MARKERS[token as keyof typeof MARKERS]),
  )
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith('\u0000wrx:') ? (FROM_MARKER.get(value) ?? value) : value,
  )
}

const ENCODED = new Map<string, string>(
  Object.entries(MARKERS).map(([token, marker]) => [JSON.stringify(marker), token]),
)
const ENCODED_PATTERN = /"\\u0000wrx:(?:NaN|Inf|-Inf)"/g

/**
 * Serialises like `JSON.stringify`, but writes non-finite numbers as bare NaN / Infinity tokens
 * (the form of W&B history lines and summaries, kept inside `JSONString` values).
 *
 * @example stringifyExtended({ loss: NaN, best: -Infinity }) // '{"loss":NaN,"best":-Infinity}'
 */
export function stringifyExtended(value: unknown): string {
  // The replacer costs ~3x native speed; most values hold no non-finite number at all.
  if (!hasNonFinite(value)) return JSON.stringify(value)
  let marked = false
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number' || Number.isFinite(v)) return v
    marked = true
    return Number.isNaN(v) ? MARKERS.NaN : v > 0 ? MARKERS.Infinity : MARKERS['-Infinity']
  })
  return marked ? text.replace(ENCODED_PATTERN, (m) => ENCODED.get(m) ?? m) : text
}

/** Whether a JSON-like value holds NaN or ±Infinity anywhere (a cheap walk, no strings built). */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some(hasNonFinite)
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true
  for (const key in value) {
    if (hasNonFinite((value as Record<string, unknown>)[key])) return true
  }
  return false
}

const NON_FINITE_NAMES = (v: number): string => (Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity')

/**
 * A copy of a JSON-like value that strict JSON parsers accept: NaN / ±Infinity become the
 * strings "NaN", "Infinity", "-Infinity" (W&B's form in `JSON`-typed GraphQL fields, which
 * wandb-core decodes with Go's strict `encoding/json`). Values without any are returned as is.
 *
 * @example toStrictJson({ loss: NaN, step: 1 }) // { loss: 'NaN', step: 1 }
 */
export function toStrictJson(value: unknown): unknown {
  if (!hasNonFinite(value)) return value
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? NON_FINITE_NAMES(v) : v,
    ),
  )
}

/**
 * JSON with the bare `NaN`, `Infinity` and `-Infinity` tokens W&B writes into history rows
 * ("extended JSON", as Python's `json` reads it).
 *
 * Ordinary JSON takes the native `JSON.parse` path untouched; only text that native parsing
 * rejects *and* that holds one of those tokens pays for the rewrite. The rewrite swaps each bare
 * token (never one inside a string) for a string marker that does not occur in the text, and a
 * reviver turns the markers back into numbers.
 *
 * @example
 * ```ts
 * parseExtendedJson('{"loss": NaN, "lr": -Infinity}') // => { loss: NaN, lr: -Infinity }
 * ```
 */
export function parseExtendedJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error
  }
  const { value: marker, escaped } = unusedNulMarker(text)
  const values = new Map<string, number>([
    [`${marker}n`, NaN],
    [`${marker}p`, Infinity],
    [`${marker}m`, -Infinity],
  ])
  const rewritten = text.replace(STRING_OR_TOKEN, (match) => {
    if (match.charCodeAt(0) === 34 /* " */) return match
    return `"${escaped}${match === 'NaN' ? 'n' : match === 'Infinity' ? 'p' : 'm'}"`
  })
  return JSON.parse(rewritten, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? (values.get(value) ?? value) : value,
  )
}

/** A JSON string literal (left as is) or one of the bare non-finite tokens. */
const STRING_OR_TOKEN = /"(?:[^"\\]|\\.)*"|-Infinity|Infinity|NaN/g

/**
 * A marker string no string in the JSON `text` can equal, as its value and as JSON text (inside
 * quotes). A decoded JSON string can hold NUL only through the escape `\u0000` (a raw NUL is
 * invalid JSON), so a run of NULs longer than any run of that escape in the text will do.
 */
export function unusedNulMarker(text: string): { value: string; escaped: string } {
  let length = 1
  while (text.includes('\\u0000'.repeat(length))) length++
  return { value: '\u0000'.repeat(length), escaped: '\\u0000'.repeat(length) }
}

/**
 * `JSON.stringify` that writes non-finite numbers as bare `NaN` / `Infinity` / `-Infinity` tokens
 * instead of `null`, the inverse of {@link parseExtendedJson}.
 *
 * @example
 * ```ts
 * stringifyExtendedJson({ loss: NaN }) // => '{"loss":NaN}'
 * ```
 */
export function stringifyExtendedJson(value: unknown): string {
  let found = false
  const marker = '\u0000wandb-rx-nonfinite:'
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      found = true
      return `${marker}${v}`
    }
    return v
  })
  if (!found) return text
  // JSON.stringify escapes the NUL as \u0000, so the marker in the text reads as below.
  return text.replace(/"\\u0000wandb-rx-nonfinite:(NaN|-?Infinity)"/g, '$1')
}

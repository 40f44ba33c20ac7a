/** Letters allowed after `\` on the server: same meaning in JS (without the `u` flag) and RE2. */
const SAFE_ESCAPE_LETTERS = new Set(['d', 'D', 'w', 'W', 'b', 'B', 'n', 'r', 't', 'f', 'v', 'x'])
const MAX_RE2_REPEAT = 1000

/**
 * Decides whether a JS RegExp can go to W&B's server as an RE2 `$regex` pre-filter.
 *
 * Refused (the regex then runs only on the client): any flag (the server takes none); anchors `^`
 * and `$` (W&B documents them as unsupported); lookarounds, named groups and backreferences
 * (not RE2); escapes whose meaning differs between JS and RE2 (`\s`, `\A`, `\z`, `\u`, …);
 * JS-only classes `[]` and `[^]`; repeats above RE2's 1000.
 *
 * @example
 * ```ts
 * regexPushdown(/exp-\d+/)  // { pattern: 'exp-\\d+' }
 * regexPushdown(/^exp/)     // { reason: "anchors ^ and $ are not supported by W&B's server" }
 * regexPushdown(/exp/i)     // { reason: "regex flags (i) are not supported by W&B's server" }
 * ```
 */
export function regexPushdown(regex: RegExp): { readonly pattern: string } | { readonly reason: string } {
  if (regex.flags !== '') return { reason: `regex flags (${regex.flags}) are not supported by W&B's server` }
  const source = regex.source
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (char === '\\') {
      const next = source[i + 1] ?? ''
      if (/[0-9]/.test(next) || next === 'k') return { reason: 'backreferences are not RE2' }
      if (/[a-zA-Z]/.test(next) && !SAFE_ESCAPE_LETTERS.has(next))
        return { reason: `\\${next} means something else in RE2` }
      i++
    } else if (inClass) {
      if (char === ']') inClass = false
    } else if (char === '[') {
      if (source.startsWith('[]', i) || source.startsWith('[^]', i))
        return { reason: '[] and [^] are JS-only classes' }
      inClass = true
      if (source[i + 1] === '^') i++
    } else if (char === '^' || char === '$') {
      return { reason: "anchors ^ and $ are not supported by W&B's server" }
    } else if (char === '(' && source[i + 1] === '?' && source[i + 2] !== ':') {
      return { reason: 'lookarounds and named groups are not RE2' }
    } else if (char === '{') {
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i))
      if (repeat && Math.max(Number(repeat[1]), Number(repeat[2] || 0)) > MAX_RE2_REPEAT)
        return { reason: `repeat counts above ${MAX_RE2_REPEAT} are not RE2` }
    }
  }
  return { pattern: source }
}

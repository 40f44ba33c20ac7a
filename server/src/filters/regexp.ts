import { RE2JS } from 're2js'
import type { Database } from 'better-sqlite3'

/** Longest `$regex` pattern accepted; RE2 is linear-time, this only bounds compile cost. */
export const MAX_REGEX_LENGTH = 1000

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL }
const compiled = new Map<string, RE2JS>()

/** Compiles (and caches) an RE2 pattern with Mongo-style option letters. Throws on bad input. */
export function compileRegex(pattern: string, options = ''): RE2JS {
  const key = `${options}/${pattern}`
  let re = compiled.get(key)
  if (!re) {
    if (pattern.length > MAX_REGEX_LENGTH)
      throw new Error(`$regex longer than ${MAX_REGEX_LENGTH} characters`)
    let flags = 0
    for (const letter of options) {
      const flag = FLAGS[letter]
      if (flag === undefined) throw new Error(`unsupported $options letter '${letter}' (use i, m, s)`)
      flags |= flag
    }
    re = RE2JS.compile(pattern, flags)
    if (compiled.size > 500) compiled.clear()
    compiled.set(key, re)
  }
  return re
}

/**
 * Registers `regexp(pattern, options, value)`: 1 when `value` is a string containing a match.
 * Non-strings never match, as in Mongo.
 */
export function registerRegexp(db: Database): void {
  db.function('regexp', { deterministic: true }, (pattern: unknown, options: unknown, value: unknown) =>
    typeof value === 'string' && typeof pattern === 'string'
      ? Number(compileRegex(pattern, typeof options === 'string' ? options : '').test(value))
      : 0,
  )
}

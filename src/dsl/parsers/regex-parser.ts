import { FilterCompileError } from '../../errors/filter-compile-error.js'

/**
 * Turns a `$regex` value (a `RegExp`, or a pattern string plus optional `$options`) into a RegExp.
 *
 * The stateful flags `g` and `y` are rejected: `RegExp#exec` would carry `lastIndex` from one run
 * to the next and the same run could match or not depending on the previous one.
 *
 * @example
 * ```ts
 * parseRegex('^exp-', 'i', 'name.$regex') // /^exp-/i
 * parseRegex('(', undefined, 'name.$regex')
 * // throws FilterCompileError at name.$regex: invalid regular expression …
 * ```
 */
export function parseRegex(pattern: unknown, options: unknown, at: string): RegExp {
  if (options !== undefined && typeof options !== 'string')
    throw new FilterCompileError(at, '$options must be a string of regex flags such as "i"')
  let regex: RegExp
  if (pattern instanceof RegExp) {
    if (options !== undefined && options !== '')
      throw new FilterCompileError(at, 'give flags either on the RegExp or in $options, not both')
    regex = new RegExp(pattern.source, pattern.flags)
  } else if (typeof pattern === 'string') {
    try {
      regex = new RegExp(pattern, options)
    } catch (cause) {
      throw new FilterCompileError(
        at,
        `invalid regular expression ${JSON.stringify(pattern)}: ${(cause as Error).message}`,
        { cause },
      )
    }
  } else {
    throw new FilterCompileError(at, '$regex expects a RegExp or a pattern string')
  }
  if (regex.global || regex.sticky)
    throw new FilterCompileError(
      at,
      `regex flags g and y are stateful and not allowed in filters (got /${regex.source}/${regex.flags})`,
    )
  return regex
}

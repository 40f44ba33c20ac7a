/**
 * Deep equality of decoded JSON values (objects, arrays, primitives, `Date`), with `NaN` equal
 * to `NaN` (history and summaries hold them) and key order ignored.
 *
 * @example
 * ```ts
 * sameJson({ a: NaN, b: [1] }, { b: [1], a: NaN }) // true
 * ```
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b) || a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  if (keysA.length !== Object.keys(b).length) return false
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}

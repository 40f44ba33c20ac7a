/** True for `$`-prefixed keys: operators, never field names. *
 * @internal
 */
export const isOperatorKey = (key: string): boolean => key.startsWith('$')

/**
 * True for `{ $gt: 1 }`-style objects (some key is an operator), as opposed to literal values
 * such as `{ lr: 1 }` or a Date.
 *
 * @example
 * ```ts
 * isOperatorObject({ $gt: 1 })  // true
 * isOperatorObject({ lr: 1 })   // false
 * ```
 */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp) &&
    Object.keys(value).some(isOperatorKey)
  )
}

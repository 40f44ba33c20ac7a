/**
 * Renders criteria for humans (`explain()`, error messages): JSON with RegExps as `/src/flags`
 * and Dates as ISO strings.
 *
 * @example
 * ```ts
 * formatCriteria({ name: { $regex: /^exp/i } }) // '{"name":{"$regex":"/^exp/i"}}'
 * ```
 */
export function formatCriteria(criteria: unknown): string {
  return (
    JSON.stringify(criteria, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value)) ??
    'undefined'
  )
}

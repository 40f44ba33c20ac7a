/**
 * Deep-freezes plain objects and arrays so a node can be shared between builders safely.
 *
 * Dates and RegExps are copied rather than frozen: freezing does not stop `setTime`, and a copy
 * keeps the node independent of the caller's object.
 *
 * @internal
 */
export function freezeValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T
  if (Array.isArray(value)) return Object.freeze(value.map(freezeValue)) as T
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) copy[key] = freezeValue(child)
    return Object.freeze(copy) as T
  }
  return value
}

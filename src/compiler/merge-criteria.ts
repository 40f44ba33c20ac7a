import type { Criteria } from './pushdown.js'

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => key.startsWith('$'))

/**
 * ANDs filters into one object the way people write them: distinct keys side by side, operator
 * objects on the same path merged (`{ a: { $gt: 1 } }` + `{ a: { $lt: 5 } }` → `{ a: { $gt: 1, $lt: 5 } }`),
 * and `$and` only when keys truly collide.
 *
 * @example
 * ```ts
 * mergeCriteria([{ state: 'finished' }, { 'summary_metrics.loss': { $lt: 0.2 } }])
 * // { state: 'finished', 'summary_metrics.loss': { $lt: 0.2 } }
 * mergeCriteria([{ tags: 'a' }, { tags: 'b' }])
 * // { $and: [{ tags: 'a' }, { tags: 'b' }] }
 * ```
 */
export function mergeCriteria(list: readonly Criteria[]): Criteria {
  const merged: Record<string, unknown> = {}
  for (const criteria of list) {
    for (const [key, value] of Object.entries(criteria)) {
      const existing = merged[key]
      if (!(key in merged)) merged[key] = value
      else if (
        isOperatorObject(existing) &&
        isOperatorObject(value) &&
        Object.keys(value).every((op) => !(op in existing))
      )
        merged[key] = { ...existing, ...value }
      else return list.length === 1 && list[0] ? list[0] : { $and: [...list] }
    }
  }
  return merged
}

import { FilterCompileError } from '../errors/filter-compile-error.js'
import { REGISTRY_PREFIX } from './artifact-path.js'

/**
 * A Mongo-style filter as users write it (`{ name: { $regex: 'model' } }`).
 *
 * @example
 * ```ts
 * const f: MongoFilter = { $or: [{ alias: 'best' }, { 'metadata.acc': { $gt: 0.9 } }] }
 * ```
 */
export type MongoFilter = Readonly<Record<string, unknown>>

/**
 * Fields each registry search level accepts (W&B's "basic" search fields).
 *
 * @example
 * ```ts
 * REGISTRY_FILTER_FIELDS.version // ['id', 'version', 'tag', 'alias', 'metadata', 'created_at', 'updated_at']
 * ```
 */
export const REGISTRY_FILTER_FIELDS = {
  registry: ['id', 'name', 'entity_id', 'description', 'created_at', 'updated_at'],
  collection: [
    'id',
    'collection_id',
    'artifact_collection_id',
    'name',
    'tag',
    'description',
    'created_at',
    'updated_at',
  ],
  version: ['id', 'version', 'tag', 'alias', 'metadata', 'created_at', 'updated_at'],
} as const

const LOGICAL = new Set(['$and', '$or', '$nor'])
/** Operands left as written: a regex (and its options) matches anywhere in the full name. */
const VERBATIM = new Set(['$regex', '$options'])

/**
 * Checks that a filter only names fields of its level (top level and inside `$and`/`$or`/
 * `$nor`); `metadata.<key>` paths are allowed for versions. Throws `FilterCompileError` naming
 * the offending spot, at call time rather than mid-stream.
 *
 * @example
 * ```ts
 * checkRegistryFilter({ alias: 'best' }, 'version')  // ok
 * checkRegistryFilter({ owner: 'me' }, 'registry')   // FilterCompileError at owner
 * ```
 */
export function checkRegistryFilter(
  filter: MongoFilter,
  level: keyof typeof REGISTRY_FILTER_FIELDS,
  at = '',
): void {
  const allowed: readonly string[] = REGISTRY_FILTER_FIELDS[level]
  for (const [key, value] of Object.entries(filter)) {
    const path = at ? `${at}.${key}` : key
    if (LOGICAL.has(key)) {
      if (!Array.isArray(value)) throw new FilterCompileError(path, `${key} takes an array of filters`)
      value.forEach((sub, i) => {
        if (typeof sub !== 'object' || sub === null || Array.isArray(sub)) {
          throw new FilterCompileError(`${path}.${i}`, 'expected a filter object')
        }
        checkRegistryFilter(sub as MongoFilter, level, `${path}.${i}`)
      })
    } else if (key.startsWith('$')) {
      throw new FilterCompileError(
        path,
        `${key} is not allowed at the top level (use $and, $or, $nor or a field)`,
      )
    } else if (!allowed.includes(key.split('.')[0] as string)) {
      throw new FilterCompileError(path, `unknown ${level} field ${key} (fields: ${allowed.join(', ')})`)
    }
  }
}

/**
 * W&B's registry-name rule (PROTOCOL.md §8): strings under a `name` key get the
 * `wandb-registry-` prefix (once), at any depth and inside operators, except operands of
 * `$regex` (and its `$options`), which match anywhere in the full name anyway.
 *
 * @example
 * ```ts
 * prefixRegistryNames({ name: 'model' })                  // { name: 'wandb-registry-model' }
 * prefixRegistryNames({ name: { $in: ['a', 'b'] } })      // { name: { $in: ['wandb-registry-a', 'wandb-registry-b'] } }
 * prefixRegistryNames({ name: { $regex: 'mod' } })        // unchanged
 * ```
 */
export function prefixRegistryNames<T>(filter: T, inName = false): T {
  if (typeof filter === 'string') {
    return (inName && !filter.startsWith(REGISTRY_PREFIX) ? `${REGISTRY_PREFIX}${filter}` : filter) as T
  }
  if (Array.isArray(filter)) return filter.map((v: unknown) => prefixRegistryNames(v, inName)) as T
  if (typeof filter === 'object' && filter !== null) {
    return Object.fromEntries(
      Object.entries(filter).map(([k, v]) => [
        k,
        VERBATIM.has(k) ? v : prefixRegistryNames(v, inName || k === 'name'),
      ]),
    ) as T
  }
  return filter
}

import { Lazy, type Iterator } from 'mingo/lazy'
import { compare, resolve } from 'mingo/util'

const isNaNumber = (v: unknown) => typeof v === 'number' && Number.isNaN(v)

/**
 * mingo's value order, except that NaN sorts before every other number as in MongoDB (stock
 * mingo compares NaN as equal to everything, so a NaN key left a `$sort` unsorted).
 *
 * @example
 * ```ts
 * [3, NaN, 1].sort(sortOrder) // [NaN, 1, 3]
 * ```
 * @internal
 */
export function sortOrder(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number' && (isNaNumber(a) || isNaNumber(b)))
    return isNaNumber(a) ? (isNaNumber(b) ? 0 : -1) : 1
  return compare(a, b)
}

/**
 * `$sort` in MongoDB's order: missing and null first, then NaN, then numbers, strings, … as mingo
 * ranks types; stable, so equal keys keep their input order (as mingo's does).
 *
 * @example
 * ```ts
 * Context.init({ pipeline: { $sort } })
 * ```
 * @internal
 */
export function $sort(coll: Iterator, expr: unknown): Iterator {
  const keys = Object.entries(expr as Readonly<Record<string, 1 | -1>>)
  return coll.transform((items: unknown[]) => {
    const rows = items.map((doc) => ({
      doc,
      values: keys.map(([path]) => resolve(doc as Record<string, unknown>, path)),
    }))
    rows.sort((x, y) => {
      for (const [i, [, direction]] of keys.entries()) {
        const order = sortOrder(x.values[i], y.values[i])
        if (order !== 0) return order * direction
      }
      return 0
    })
    return Lazy(rows.map((row) => row.doc))
  })
}

import { flattenRecord, isPlainObject } from '../exports/flatten-record.js'

/** Aggregation results as one flat table: the columns in order and one row per document. */
export interface ResultTable {
  readonly columns: readonly string[]
  readonly rows: readonly Readonly<Record<string, unknown>>[]
}

/**
 * Flattens aggregation results (any documents) into table rows with dotted columns, the way
 * `runs` prints runs. Columns come in this order: the `leading` ones (a name also takes the
 * columns under it, for a group value that is an object; it is kept even when no document has
 * it, so an empty result still has a header), then `_id` and its parts, then the
 * rest in the order they first appear. A document that is not an object becomes `{ value }`.
 *
 * @example
 * ```ts
 * resultTable([{ n: 2, config: { optimizer: 'adam' } }], ['config.optimizer'])
 * // Output: { columns: ['config.optimizer', 'n'], rows: [{ 'config.optimizer': 'adam', n: 2 }] }
 * ```
 */
export function resultTable(docs: readonly unknown[], leading: readonly string[] = []): ResultTable {
  const rows = docs.map((doc) => flattenRecord(isPlainObject(doc) ? doc : { value: doc }))
  const seen = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const under = (name: string) => seen.filter((key) => key === name || key.startsWith(`${name}.`))
  const named = leading.flatMap((name) => (under(name).length > 0 ? under(name) : [name]))
  const columns = [...new Set([...named, ...under('_id'), ...seen])]
  return { columns, rows }
}

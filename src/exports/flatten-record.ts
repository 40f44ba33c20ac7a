/**
 * Flattens nested objects into one level with dotted keys, the shape every table-like export
 * (CSV, Parquet, the runs table) needs: `{ eval: { loss: 1 } }` becomes `{ 'eval.loss': 1 }`.
 *
 * Arrays are leaves (a table cell cannot hold a list; writers render them as JSON), and so are
 * `Date`s and `null`. Keys that already contain dots are kept as they are, so two different
 * shapes can collide (`{ 'a.b': 1 }` and `{ a: { b: 2 } }`); the later one wins, as in pandas'
 * `json_normalize`.
 *
 * @example
 * ```ts
 * flattenRecord({ _step: 3, eval: { loss: 0.2, acc: [1, 2] } })
 * // Output: { _step: 3, 'eval.loss': 0.2, 'eval.acc': [1, 2] }
 * flattenRecord({ lr: 0.1 }, 'config') // { 'config.lr': 0.1 }
 * ```
 */
export function flattenRecord(
  value: Readonly<Record<string, unknown>>,
  prefix = '',
): Record<string, unknown> {
  const flat: Record<string, unknown> = {}
  const visit = (node: Readonly<Record<string, unknown>>, path: string): void => {
    for (const [key, child] of Object.entries(node)) {
      const name = path === '' ? key : `${path}.${key}`
      if (isPlainObject(child) && Object.keys(child).length > 0) visit(child, name)
      else flat[name] = child
    }
  }
  visit(value, prefix)
  return flat
}

/** True for `{…}` objects (not arrays, dates, or class instances such as typed arrays). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

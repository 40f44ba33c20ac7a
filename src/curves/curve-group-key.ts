import type { Run } from '../codecs/run.js'
import type { FieldPathNode } from '../dsl/nodes/field-path-node.js'
import { stringifyExtendedJson } from '../internal/extended-json.js'

/** Which group a run falls in. @internal */
export interface CurveGroupKey {
  /** Equal for runs of the same group (canonical JSON of the values). */
  readonly key: string
  readonly id: Readonly<Record<string, unknown>>
  readonly label: string
}

const NO_GROUP = 'all runs'

/** The value at a Run path; `tags` (a set) sorted, Dates as ISO strings, missing as null. */
function valueAt(run: Run, path: FieldPathNode): unknown {
  let node: unknown = run
  for (const segment of path.segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return null
    node = (node as Record<string, unknown>)[segment]
  }
  if (node === undefined || node === null) return null
  if (node instanceof Date) return node.toISOString()
  if (Array.isArray(node) && path.segments.length === 1 && path.segments[0] === 'tags')
    return [...(node as unknown[])].sort()
  return node
}

/** A frozen copy with object keys sorted, so equal values give equal JSON. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? Object.freeze(value.map(canonical))
    : typeof value === 'object' && value !== null
      ? Object.freeze(
          Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          ),
        )
      : value

const labelOf = (value: unknown): string =>
  value === null
    ? '(none)'
    : Array.isArray(value)
      ? `[${value.map(labelOf).join(', ')}]`
      : typeof value === 'object'
        ? stringifyExtendedJson(value)
        : String(value)

/**
 * The group of a run: its values at the `groupBy` paths. A missing or null value is its own
 * group, `null` in `id` and `'(none)'` in the label. An array value groups as a whole (two runs
 * share a group when their arrays are equal); `tags` is a set, so its order does not matter
 * (`['b', 'a']` groups with `['a', 'b']`, labelled `[a, b]`). Objects group by value, Dates by
 * their ISO string.
 *
 * @example
 * ```ts
 * const key = curveGroupKey(run, ['config.optimizer', 'tags'], paths)
 * key.id    // { 'config.optimizer': 'adam', tags: ['baseline', 'v2'] }
 * key.label // 'adam, [baseline, v2]'
 * ```
 */
export function curveGroupKey(
  run: Run,
  names: readonly string[],
  paths: readonly FieldPathNode[],
): CurveGroupKey {
  const values = paths.map((path) => canonical(valueAt(run, path)))
  return {
    key: stringifyExtendedJson(values),
    id: Object.freeze(Object.fromEntries(names.map((name, i) => [name, values[i]]))),
    label: names.length === 0 ? NO_GROUP : values.map(labelOf).join(', '),
  }
}

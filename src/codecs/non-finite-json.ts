const NON_FINITE = new Map<unknown, number>([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
])

/**
 * Turns the strings `"NaN"`, `"Infinity"` and `"-Infinity"` back into numbers, at any depth of
 * a value from a `JSON`-typed field (`sampledHistory` rows, `parquetHistory.liveData`,
 * `historyKeys`). W&B's backend writes non-finite numbers that way there, because strict JSON has
 * no token for them (PROTOCOL.md §12); `JSONString` fields carry bare `NaN` tokens instead and
 * need no revival. Unchanged values are returned as they are (same object), so rows without
 * such strings cost one walk and no copy.
 *
 * A string `"NaN"` a user logged on purpose reads back as the number `NaN` here: in a JSON-typed
 * field the two are the same bytes, and W&B's own clients read them the same way.
 *
 * @example
 * ```ts
 * reviveNonFinite({ loss: 'NaN', nested: { lr: '-Infinity' }, tag: 'ok' })
 * // => { loss: NaN, nested: { lr: -Infinity }, tag: 'ok' }
 * ```
 */
export function reviveNonFinite<T>(value: T): T {
  if (typeof value === 'string') return (NON_FINITE.get(value) ?? value) as T
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((item: unknown, i) => {
      const revived = reviveNonFinite(item)
      if (!Object.is(revived, item)) (copy ??= [...value])[i] = revived
    })
    return (copy ?? value) as T
  }
  let copy: Record<string, unknown> | undefined
  for (const [key, item] of Object.entries(value)) {
    const revived = reviveNonFinite(item)
    if (!Object.is(revived, item)) (copy ??= { ...(value as Record<string, unknown>) })[key] = revived
  }
  return (copy ?? value) as T
}

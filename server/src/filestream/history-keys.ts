/**
 * The run's `historyKeys` summary, W&B's shape: `{lastStep, keys: {key: {typeCounts: [{type,
 * count}]}}}`. Nested objects are flattened to dotted keys; media objects (`_type`) are leaves.
 */
export interface HistoryKeys {
  lastStep?: number
  keys: Record<string, { typeCounts: { type: string; count: number }[] }>
}

function typeName(value: unknown): string {
  if (value === null) return 'nil'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'object') {
    const type = (value as { _type?: unknown })._type
    return typeof type === 'string' ? type : 'map'
  }
  return typeof value
}

function count(keys: HistoryKeys['keys'], key: string, type: string): void {
  const entry = (keys[key] ??= { typeCounts: [] })
  const tc = entry.typeCounts.find((t) => t.type === type)
  if (tc) tc.count++
  else entry.typeCounts.push({ type, count: 1 })
}

/** Adds one history row to `acc` (mutated in place). */
export function addRowKeys(acc: HistoryKeys, row: Record<string, unknown>, prefix = ''): void {
  for (const [key, value] of Object.entries(row)) {
    const type = typeName(value)
    if (type === 'map') addRowKeys(acc, value as Record<string, unknown>, `${prefix}${key}.`)
    else count(acc.keys, `${prefix}${key}`, type)
  }
}

export function parseHistoryKeys(text: string): HistoryKeys {
  const parsed = JSON.parse(text) as Partial<HistoryKeys>
  return { ...parsed, keys: parsed.keys ?? {} }
}

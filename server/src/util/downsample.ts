/**
 * Even down-sampling to at most `samples` items that always keeps the first and the last:
 * picks indices round(i * (n - 1) / (samples - 1)).
 *
 * @example downsample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4) // [0, 3, 6, 9]
 */
export function downsample<T>(items: readonly T[], samples: number): T[] {
  const n = items.length
  if (samples >= n) return [...items]
  if (samples <= 0) return []
  if (samples === 1) return [items[0] as T]
  const out: T[] = []
  for (let i = 0; i < samples; i++) out.push(items[Math.round((i * (n - 1)) / (samples - 1))] as T)
  return out
}

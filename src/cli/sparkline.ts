const BLOCKS = '▁▂▃▄▅▆▇█'

/**
 * A one-line chart of the last `width` values with Unicode blocks, for the watch view. Non-finite
 * values show as a space, so a NaN stands out as a gap.
 *
 * @example
 * ```ts
 * sparkline([1, 2, 3, 4, 5, 6, 7, 8]) // '▁▂▃▄▅▆▇█'
 * sparkline([1, NaN, 1])              // '▄ ▄'
 * ```
 */
export function sparkline(values: readonly number[], width = 30): string {
  const recent = values.slice(-width)
  const finite = recent.filter(Number.isFinite)
  if (finite.length === 0) return ' '.repeat(recent.length)
  let min = Infinity
  let max = -Infinity
  for (const v of finite) {
    if (v < min) min = v
    if (v > max) max = v
  }
  const span = max - min
  return recent
    .map((v) => {
      if (!Number.isFinite(v)) return ' '
      const level = span === 0 ? 3 : Math.round(((v - min) / span) * (BLOCKS.length - 1))
      return BLOCKS[level] ?? ' '
    })
    .join('')
}

/** Columns that lead a history table, in this order, when present (`_run`: the run tag of multi-run exports). */
const LEADING = ['_run', '_step', '_runtime', '_timestamp']

/**
 * Puts columns in a stable order that does not depend on which row came first: W&B's
 * bookkeeping keys (`_run`, `_step`, `_runtime`, `_timestamp`) first, then the rest alphabetically.
 *
 * @example
 * ```ts
 * orderColumns(['loss', '_timestamp', 'acc', '_step']) // ['_step', '_timestamp', 'acc', 'loss']
 * ```
 */
export function orderColumns(names: Iterable<string>): string[] {
  const all = [...new Set(names)]
  const leading = LEADING.filter((name) => all.includes(name))
  const rest = all.filter((name) => !LEADING.includes(name)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return [...leading, ...rest]
}

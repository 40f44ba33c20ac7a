import { cellText } from '../exports/cell-text.js'

/**
 * Renders rows as an aligned plain-text table for the terminal: a header, a rule, and one line
 * per row; numbers right-aligned, long cells cut with `…`.
 *
 * @example
 * ```ts
 * textTable(['name', 'summary.loss'], [{ name: 'a', 'summary.loss': 0.25 }])
 * // Output:
 * // name  summary.loss
 * // ----  ------------
 * // a              0.25
 * ```
 */
export function textTable(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  maxCell = 32,
): string {
  const cut = (text: string) => (text.length > maxCell ? `${text.slice(0, maxCell - 1)}…` : text)
  const cells = rows.map((row) => columns.map((column) => cut(formatCell(row[column]))))
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((line) => line[i]?.length ?? 0)),
  )
  const numeric = columns.map(
    (column) =>
      rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || row[column] == null),
  )
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => (numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n'
}

/** Numbers with at most 6 significant digits (a table is for reading), the rest as cells. */
function formatCell(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value))
    return String(Number(value.toPrecision(6)))
  return cellText(value)
}

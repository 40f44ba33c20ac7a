/**
 * One line of `npm run bench`'s table: a figure and the baseline it was measured against in the
 * same run, so the ratio means something on any machine.
 */
export interface BenchRow {
  readonly name: string
  /** The measured figure, with its unit. */
  readonly value: string
  /** The baseline, with its unit. */
  readonly baseline: string
  /** value / baseline (or baseline / value where smaller is better: the row's name says which). */
  readonly ratio: number
  /** The goal the ratio is held to, e.g. `≥ 5×`; empty when the row only reports. */
  readonly target?: string
  readonly met?: boolean
}

/** What every row group can use: the bench server (a child process) and its seeded run. */
export interface BenchContext {
  readonly server: import('./support/bench-server.js').BenchServer
  /** `entity/project/run` of the seeded history run. */
  readonly runPath: string
  /** Rows in the seeded run (1M by default). */
  readonly rows: number
}

/**
 * A group of rows measured together. Add one by writing a module that exports a `BenchGroup` and
 * listing it in `groups/index.ts`.
 */
export interface BenchGroup {
  readonly title: string
  run(ctx: BenchContext): Promise<BenchRow[]>
}

/** Prints the rows as one aligned table (Markdown, so it pastes into the README as is). */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    r.value,
    r.baseline,
    `${r.ratio.toFixed(2)}×`,
    r.target ? `${r.target} ${r.met ? '✓' : '✗'}` : '',
  ])
  const header = ['Benchmark', 'Result', 'Baseline (same run)', 'Ratio', 'Target']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

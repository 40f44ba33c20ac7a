import type { Run } from '../codecs/run.js'
import { flattenRecord } from './flatten-record.js'

/** Options of {@link runsTable}. */
export interface RunsTableOptions {
  /**
   * Columns to keep, in order. A name selects one column (`summary.loss`); a name ending in
   * `.*` selects every column under it (`config.*`). Default: `id`, `name`, `state`,
   * `createdAt`, then every `config.*` and `summary.*` column.
   */
  readonly columns?: readonly string[]
}

/** One flat row per run: dotted keys, dates as ISO strings. */
export type RunsTableRow = Readonly<Record<string, unknown>>

/** The result of {@link runsTable}: the column names (the union over all runs) and the rows. */
export interface RunsTable {
  readonly columns: readonly string[]
  readonly rows: readonly RunsTableRow[]
}

const DEFAULT_COLUMNS = ['id', 'name', 'state', 'createdAt', 'config.*', 'summary.*']

const sortedKeys = (rows: readonly Record<string, unknown>[], prefix: string): string[] =>
  [...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => key.startsWith(prefix))))].sort()

/**
 * Turns runs into one flat table, like the runs table in the W&B app or pandas'
 * `pd.json_normalize` of `api.runs()`: `config.*` and `summary.*` are flattened with dots, and
 * a run that lacks a column leaves it `undefined`. Pure; no I/O.
 *
 * @example
 * ```ts
 * const runs = await api.runs('team/mnist').toArray()
 * runsTable(runs, { columns: ['name', 'config.lr', 'summary.*'] })
 * // Output: { columns: ['name', 'config.lr', 'summary.loss'], rows: [{ name: 'a', 'config.lr': 0.1, 'summary.loss': 0.2 }] }
 * ```
 */
export function runsTable(runs: Iterable<Run>, options: RunsTableOptions = {}): RunsTable {
  const full = [...runs].map(runRecord)
  const columns = [
    ...new Set(
      (options.columns ?? DEFAULT_COLUMNS).flatMap((column) =>
        column.endsWith('.*') ? sortedKeys(full, column.slice(0, -1)) : [column],
      ),
    ),
  ]
  const rows = full.map((record) => Object.fromEntries(columns.map((column) => [column, record[column]])))
  return { columns, rows }
}

/** Every field of a run as one flat record (the superset {@link runsTable} picks from). */
export function runRecord(run: Run): Record<string, unknown> {
  return {
    id: run.id,
    name: run.name,
    state: run.state,
    path: run.path,
    url: run.url,
    createdAt: run.createdAt.toISOString(),
    heartbeatAt: run.heartbeatAt.toISOString(),
    tags: run.tags,
    group: run.group,
    jobType: run.jobType,
    sweepName: run.sweepName,
    notes: run.notes,
    historyLineCount: run.historyLineCount,
    ...flattenRecord(run.config, 'config'),
    ...flattenRecord(run.summary, 'summary'),
  }
}

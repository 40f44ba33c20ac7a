import { Command } from 'commander'
import { runsTable } from '../../exports/runs-table.js'
import { jsonlSink } from '../../exports/jsonl-sink.js'
import { csvSink } from '../../exports/csv-sink.js'
import { streamTarget } from '../../exports/text-target.js'
import { stringifyExtendedJson } from '../../internal/extended-json.js'
import type { CliIo } from '../cli-io.js'
import { apiFor, globalsOf } from '../global-options.js'
import { choiceParser, countParser, parseList, parseWhere } from '../option-parsers.js'
import { textTable } from '../text-table.js'

const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const

interface RunsOptions {
  where?: Record<string, unknown>
  order?: string
  limit?: number
  columns?: string[]
  format: (typeof FORMATS)[number]
  explain?: boolean
}

/** The narrow default of the terminal table; other formats default to every config/summary key. */
const tableColumns = (order: string | undefined) => [
  'id',
  'name',
  'state',
  'createdAt',
  ...(order ? [order.replace(/^[+-]/, '')] : []),
]

/**
 * `wandb-rx runs <entity/project>`: lists runs matching a filter, one flat row per run
 * (`config.*`, `summary.*` flattened), as a table, one JSON array, JSON Lines or CSV.
 * `--explain` prints the compiled query plan (what the server evaluates, what is checked
 * locally) without running it.
 *
 * @example
 * ```sh
 * wandb-rx runs team/mnist --where '{"summary.loss":{"$lt":0.5}}' --order +summary.loss --limit 5
 * ```
 */
export function runsCommand(io: CliIo): Command {
  return new Command('runs')
    .description('list runs of a project, filtered and ordered')
    .argument('<path>', 'entity/project (or project)')
    .option(
      '-w, --where <json>',
      'Mongo-style filter on Run fields, e.g. {"summary.loss":{"$lt":0.5}}',
      parseWhere,
    )
    .option(
      '--order <key>',
      'order key, + ascending / - descending, e.g. +summary.loss (keys W&B cannot order by, like name, are sorted locally: at most 10 000 runs)',
    )
    .option('-n, --limit <n>', 'at most this many runs', countParser(1))
    .option('-c, --columns <list>', 'columns, comma-separated; "config.*" selects a prefix', parseList)
    .option('-f, --format <format>', `output format: ${FORMATS.join('|')}`, choiceParser(FORMATS), 'table')
    .option('--explain', 'print the query plan (server filter + local residual) and exit')
    .action(async (path: string, options: RunsOptions, command: Command) => {
      const api = apiFor(globalsOf(command))
      let query = api.runs(path)
      if (options.where) query = query.where(options.where)
      // sortLocally() only takes effect for keys the server is not asked to order by.
      if (options.order) query = query.orderBy(options.order).sortLocally()
      if (options.limit !== undefined) query = query.limit(options.limit)
      const compiled = query.compile() // filter errors surface here, before any request
      if (options.explain) {
        io.stdout.write(`${compiled.explain()}\n`)
        return
      }
      const runs = await query.toArray()
      const columns =
        options.columns ?? (options.format === 'table' ? tableColumns(options.order) : undefined)
      const table = runsTable(runs, columns ? { columns } : {})
      if (options.format === 'table') {
        io.stdout.write(runs.length === 0 ? 'no runs match\n' : textTable(table.columns, table.rows))
      } else if (options.format === 'json') {
        io.stdout.write(`${stringifyExtendedJson(table.rows.map((row) => withNulls(table.columns, row)))}\n`)
      } else {
        const target = streamTarget(io.stdout)
        const sink =
          options.format === 'csv' ? csvSink(target, { columns: table.columns }) : jsonlSink(target)
        for (const row of table.rows) sink.write(withNulls(table.columns, row))
        await sink.close()
      }
    })
}

/** Every column present (JSON drops `undefined`), so all rows share one shape. */
const withNulls = (columns: readonly string[], row: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))

import { Command } from 'commander'
import type { Pipeline } from '../../dsl/types/pipeline.js'
import { runsTable } from '../../exports/runs-table.js'
import { aggregationOf, type AggregationFlags } from '../aggregation-options.js'
import type { CliIo } from '../cli-io.js'
import { apiFor, globalsOf } from '../global-options.js'
import { choiceParser, collectList, countParser, parseList, parseWhere } from '../option-parsers.js'
import { resultTable } from '../result-table.js'
import { TABLE_FORMATS, writeTable, type TableFormat } from '../write-table.js'

interface RunsOptions extends AggregationFlags {
  where?: Record<string, unknown>
  order?: string
  limit?: number
  columns?: string[]
  format: TableFormat
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
 * locally) without running it. With `--group-by`/`--agg` (or `--pipeline`) it prints one row
 * per group instead: `query.aggregate(pipeline)` over the matching runs, group columns first.
 *
 * @example
 * ```sh
 * wandb-rx runs team/mnist --where '{"summary.loss":{"$lt":0.5}}' --order +summary.loss --limit 5
 * wandb-rx runs team/mnist --group-by config.optimizer --agg 'best=min(summary.loss),n=count()'
 * ```
 */
export function runsCommand(io: CliIo): Command {
  return new Command('runs')
    .description('list runs of a project, filtered and ordered, or aggregate them per group')
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
    .option(
      '-f, --format <format>',
      `output format: ${TABLE_FORMATS.join('|')}`,
      choiceParser(TABLE_FORMATS),
      'table',
    )
    .option(
      '-g, --group-by <paths>',
      'aggregate per group of these Run paths (comma-separated or repeated), e.g. config.optimizer',
      collectList,
    )
    .option(
      '--agg <spec>',
      'per-group values, name=fn(path) comma-separated; fn: count() sum avg mean min max std stdSamp median pN first last (default n=count())',
    )
    .option(
      '--pipeline <json>',
      'a Mongo aggregation pipeline over the runs, e.g. [{"$group":{"_id":"$state","n":{"$sum":1}}}]',
    )
    .option('--explain', 'print the query plan (server filter + local residual) and exit')
    .action(async (path: string, options: RunsOptions, command: Command) => {
      const aggregation = aggregationOf(options)
      const api = apiFor(globalsOf(command))
      let query = api.runs(path)
      if (options.where) query = query.where(options.where)
      // sortLocally() only takes effect for keys the server is not asked to order by.
      if (options.order) query = query.orderBy(options.order).sortLocally()
      if (options.limit !== undefined) query = query.limit(options.limit)
      if (aggregation) {
        // Invalid stages throw FilterCompileError here, before any request.
        const aggregate = query.aggregate(aggregation.pipeline as Pipeline)
        if (options.explain) return void io.stdout.write(`${aggregate.compile().explain()}\n`)
        const table = resultTable(await aggregate.toArray(), aggregation.leading)
        const columns = options.columns ? pick(table.columns, options.columns) : table.columns
        return writeTable(io, options.format, { columns, rows: table.rows }, 'no results')
      }
      const compiled = query.compile() // filter errors surface here, before any request
      if (options.explain) return void io.stdout.write(`${compiled.explain()}\n`)
      const runs = await query.toArray()
      const columns =
        options.columns ?? (options.format === 'table' ? tableColumns(options.order) : undefined)
      const table = runsTable(runs, columns ? { columns } : {})
      return writeTable(io, options.format, table, 'no runs match')
    })
}

/** `--columns` over result columns: names as given, `prefix.*` for every column under it. */
const pick = (all: readonly string[], wanted: readonly string[]) =>
  wanted.flatMap((name) =>
    name.endsWith('.*') ? all.filter((c) => c.startsWith(name.slice(0, -1))) : [name],
  )

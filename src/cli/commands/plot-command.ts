import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { Command } from 'commander'
import { lastValueFrom, toArray, type Observable } from 'rxjs'
import type { Api } from '../../api/api.js'
import type { HistoryRow } from '../../codecs/history-row-codec.js'
import { curveSeries, type CurveBand } from '../../exports/curve-series.js'
import { lineChartSvg, type PlotSeries } from '../../exports/line-chart-svg.js'
import type { CliIo } from '../cli-io.js'
import { apiFor, globalsOf } from '../global-options.js'
import { choiceParser, collectList, countParser, parseWhere } from '../option-parsers.js'
import { svgToPng } from '../svg-to-png.js'
import { UsageError } from '../usage-error.js'

const BANDS = ['minmax', 'std', 'stderr'] as const

interface PlotOptions {
  key: string
  x: string
  out?: string
  samples: number
  all?: boolean
  title?: string
  groupBy?: string[]
  band?: CurveBand
  buckets?: number
  where?: Record<string, unknown>
}

/**
 * `wandb-rx plot <run-path...> --key loss`: one key of one or more runs as an SVG line chart
 * (to `--out` or stdout), or a PNG of it when `--out` ends in `.png` (rendered by resvg). Uses
 * about 1000 server-sampled points per run, plenty for a chart; `--all` plots every row.
 *
 * With `--group-by`, the one path is a project: `query.curves()` groups its runs (those
 * matching `--where`) and the chart shows each group's mean curve with a band (`--band`:
 * min–max, ±std or ±stderr across the group's runs per x bucket) and its run count.
 *
 * @example
 * ```sh
 * wandb-rx plot team/mnist/a1 team/mnist/b2 --key loss --out loss.svg
 * wandb-rx plot team/mnist/a1 --key loss --out loss.png
 * wandb-rx plot team/mnist --key loss --group-by config.optimizer --band std --out loss.svg
 * ```
 */
export function plotCommand(io: CliIo): Command {
  return new Command('plot')
    .description(
      'plot one key of one or more runs, or its mean per group of a project (--group-by), as an SVG (or PNG) line chart',
    )
    .argument('<paths...>', 'entity/project/run-id, one or more (with --group-by: one entity/project)')
    .requiredOption('-k, --key <key>', 'the key to plot, e.g. loss')
    .option('--x <key>', 'x axis key', '_step')
    .option('--out <file>', 'write the chart here (.svg or .png) instead of stdout')
    .option('--samples <n>', 'sampled points per run', countParser(2), 1000)
    .option('--all', 'plot every row (scanHistory) instead of a sample')
    .option('--title <text>', 'chart title (default: the key)')
    .option(
      '-g, --group-by <paths>',
      'plot the mean curve per group of these Run paths (comma-separated or repeated) over a project',
      collectList,
    )
    .option(
      '--band <band>',
      `with --group-by, the spread drawn: ${BANDS.join('|')} (default minmax)`,
      choiceParser(BANDS),
    )
    .option('--buckets <n>', 'with --group-by, x buckets (default 100)', countParser(1))
    .option('-w, --where <json>', 'with --group-by, only runs matching this filter', parseWhere)
    .action(async (paths: string[], options: PlotOptions, command: Command) => {
      const format = options.out === undefined ? '.svg' : extname(options.out).toLowerCase()
      if (format !== '.svg' && format !== '.png')
        throw new UsageError(
          `cannot write ${format || 'that format'}: plot writes SVG or PNG (use --out chart.svg or chart.png)`,
        )
      const api = apiFor(globalsOf(command))
      const chart = options.groupBy
        ? await groupedChart(api, paths, options)
        : await runsChart(api, paths, options)
      const svg = lineChartSvg(chart.series, {
        title: options.title ?? chart.title,
        xLabel: options.x,
        yLabel: options.key,
      })
      if (options.out === undefined) io.stdout.write(svg)
      else {
        writeFileSync(options.out, format === '.png' ? await svgToPng(svg) : svg)
        if (!globalsOf(command).quiet) io.stderr.write(`wrote ${options.out} (${chart.note})\n`)
      }
    })
}

interface Chart {
  readonly title: string
  readonly series: readonly PlotSeries[]
  /** What was drawn, for the note on stderr. */
  readonly note: string
}

async function runsChart(api: Api, paths: readonly string[], options: PlotOptions): Promise<Chart> {
  for (const flag of ['band', 'buckets', 'where'] as const)
    if (options[flag] !== undefined) throw new UsageError(`--${flag} needs --group-by`)
  const series = await Promise.all(paths.map((path) => runSeries(api, path, options)))
  return { title: options.key, series, note: `${series.length} runs` }
}

async function groupedChart(api: Api, paths: readonly string[], options: PlotOptions): Promise<Chart> {
  const [project, ...rest] = paths
  if (project === undefined || rest.length > 0)
    throw new UsageError('with --group-by, plot takes one entity/project path')
  const groupBy = options.groupBy ?? []
  let query = api.runs(project)
  if (options.where) query = query.where(options.where)
  const set = await lastValueFrom(
    query.curves({
      key: options.key,
      x: options.x,
      groupBy, // curves() validates the paths (FilterCompileError, exit 2)
      source: options.all ? 'full' : 'sampled',
      samples: options.samples,
      ...(options.buckets === undefined ? {} : { buckets: options.buckets }),
    }),
  )
  const runs = set.groups.reduce((n, group) => n + group.runIds.length, 0)
  return {
    title: `${options.key} by ${groupBy.join(', ')}`,
    series: curveSeries(set, options.band ?? 'minmax'),
    note: `${set.groups.length} groups, ${runs} runs`,
  }
}

async function runSeries(api: Api, path: string, options: PlotOptions): Promise<PlotSeries> {
  const handle = api.run(path)
  const run = await handle.get()
  const keys = [...new Set([options.key, ...(options.x === '_step' ? [] : [options.x])])]
  const rows$: Observable<HistoryRow> = options.all
    ? handle.scanHistory({ keys })
    : handle.history({ keys: [options.key], samples: options.samples, xAxis: options.x })
  const rows = await lastValueFrom(rows$.pipe(toArray()))
  const points = rows
    .map((row) => ({ x: Number(row[options.x]), y: toNumber(row[options.key]) }))
    .sort((a, b) => a.x - b.x)
  return { label: run.name === run.id ? run.id : `${run.name} (${run.id})`, points }
}

/** Logged values are numbers; anything else (null, a string) is a gap in the line. */
const toNumber = (value: unknown): number => (typeof value === 'number' ? value : NaN)

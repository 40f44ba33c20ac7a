import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { Command } from 'commander'
import { lastValueFrom, toArray, type Observable } from 'rxjs'
import type { Api } from '../../api/api.js'
import type { HistoryRow } from '../../codecs/history-row-codec.js'
import { lineChartSvg, type PlotSeries } from '../../exports/line-chart-svg.js'
import type { CliIo } from '../cli-io.js'
import { apiFor, globalsOf } from '../global-options.js'
import { countParser } from '../option-parsers.js'
import { svgToPng } from '../svg-to-png.js'
import { UsageError } from '../usage-error.js'

interface PlotOptions {
  key: string
  x: string
  out?: string
  samples: number
  all?: boolean
  title?: string
}

/**
 * `wandb-rx plot <run-path...> --key loss`: one key of one or more runs as an SVG line chart
 * (to `--out` or stdout), or a PNG of it when `--out` ends in `.png` (rendered by resvg). Uses
 * about 1000 server-sampled points per run, plenty for a chart; `--all` plots every row.
 *
 * @example
 * ```sh
 * wandb-rx plot team/mnist/a1 team/mnist/b2 --key loss --out loss.svg
 * wandb-rx plot team/mnist/a1 --key loss --out loss.png
 * ```
 */
export function plotCommand(io: CliIo): Command {
  return new Command('plot')
    .description('plot one key of one or more runs as an SVG (or PNG) line chart')
    .argument('<run-paths...>', 'entity/project/run-id, one or more')
    .requiredOption('-k, --key <key>', 'the key to plot, e.g. loss')
    .option('--x <key>', 'x axis key', '_step')
    .option('--out <file>', 'write the chart here (.svg or .png) instead of stdout')
    .option('--samples <n>', 'sampled points per run', countParser(2), 1000)
    .option('--all', 'plot every row (scanHistory) instead of a sample')
    .option('--title <text>', 'chart title (default: the key)')
    .action(async (paths: string[], options: PlotOptions, command: Command) => {
      const format = options.out === undefined ? '.svg' : extname(options.out).toLowerCase()
      if (format !== '.svg' && format !== '.png')
        throw new UsageError(
          `cannot write ${format || 'that format'}: plot writes SVG or PNG (use --out chart.svg or chart.png)`,
        )
      const api = apiFor(globalsOf(command))
      const series = await Promise.all(paths.map((path) => runSeries(api, path, options)))
      const svg = lineChartSvg(series, {
        title: options.title ?? options.key,
        xLabel: options.x,
        yLabel: options.key,
      })
      if (options.out === undefined) io.stdout.write(svg)
      else {
        writeFileSync(options.out, format === '.png' ? await svgToPng(svg) : svg)
        if (!globalsOf(command).quiet) io.stderr.write(`wrote ${options.out} (${series.length} runs)\n`)
      }
    })
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

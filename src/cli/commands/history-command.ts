import { Command } from 'commander'
import type { Observable } from 'rxjs'
import type { HistoryRow } from '../../codecs/history-row-codec.js'
import { createSink } from '../../exports/create-sink.js'
import type { NonFiniteMode } from '../../exports/jsonl-sink.js'
import type { ExportFormat } from '../../exports/row-sink.js'
import { streamTarget } from '../../exports/text-target.js'
import type { CliIo } from '../cli-io.js'
import { consume } from '../consume.js'
import { apiFor, globalsOf } from '../global-options.js'
import { choiceParser, countParser, parseList } from '../option-parsers.js'
import { outputFormat } from '../output-format.js'
import { createProgress } from '../progress.js'
import { UsageError } from '../usage-error.js'

interface HistoryOptions {
  keys?: string[]
  samples?: number
  all?: boolean
  minStep?: number
  maxStep?: number
  format?: ExportFormat
  out?: string
  nan: NonFiniteMode
}

/**
 * `wandb-rx history <run-path>`: a run's history as CSV, JSONL or Parquet, to a file or stdout.
 * Every row by default (`scanHistory`, in step order, with a progress bar); `--samples N` asks
 * the server for about N sampled rows instead (Python's `run.history()`).
 *
 * @example
 * ```sh
 * wandb-rx history team/mnist/1a2b3c --keys loss,acc --format parquet --out h.parquet
 * wandb-rx history team/mnist/1a2b3c --samples 200 > sampled.csv
 * ```
 */
export function historyCommand(io: CliIo): Command {
  return new Command('history')
    .description("export a run's history (every row by default)")
    .argument('<run-path>', 'entity/project/run-id (or an app URL)')
    .option('-k, --keys <list>', 'only rows holding these keys, with just these keys (+ _step)', parseList)
    .option('--samples <n>', 'about N server-sampled rows instead of every row', countParser(1))
    .option('--all', 'every row (the default; kept for symmetry with --samples)')
    .option('--min-step <n>', 'first step, inclusive', countParser(0))
    .option('--max-step <n>', 'last step, exclusive', countParser(0))
    .option(
      '-f, --format <format>',
      'csv|jsonl|parquet (default: from --out, else csv)',
      choiceParser(['csv', 'jsonl', 'parquet'] as const),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--nan <mode>',
      'JSONL non-finite numbers: extended (NaN tokens) | null',
      choiceParser(['extended', 'null'] as const),
      'extended',
    )
    .action(async (path: string, options: HistoryOptions, command: Command) => {
      const globals = globalsOf(command)
      const sampled = options.samples !== undefined
      if (sampled && options.all) throw new UsageError('--samples and --all cannot be combined')
      if (sampled && (options.minStep !== undefined || options.maxStep !== undefined))
        throw new UsageError('--min-step/--max-step need a full scan: drop --samples')
      const format = outputFormat(options.format, options.out)
      const api = apiFor(globals)
      const handle = api.run(path)
      const progress = createProgress(io.stderr, { quiet: globals.quiet || options.out === undefined })
      let rows: Observable<HistoryRow>
      let total = 0
      if (sampled) {
        rows = handle.history({ samples: options.samples, ...(options.keys ? { keys: options.keys } : {}) })
      } else {
        const run = await handle.get()
        total = Math.max(
          0,
          Math.min(options.maxStep ?? Infinity, run.lastHistoryStep + 1) - (options.minStep ?? 0),
        )
        rows = handle.scanHistory({
          ...(options.keys ? { keys: options.keys } : {}),
          ...(options.minStep === undefined ? {} : { minStep: options.minStep }),
          ...(options.maxStep === undefined ? {} : { maxStep: options.maxStep }),
        })
      }
      const sink = createSink(format, options.out ?? streamTarget(io.stdout), {
        ...(options.keys ? { columns: ['_step', ...options.keys] } : {}),
        nonFinite: options.nan,
      })
      const bar = progress.bar(`history ${handle.path.id}`, total)
      try {
        await consume(
          rows,
          (row) => {
            sink.write(row)
            bar.update(row._step - (options.minStep ?? 0) + 1)
          },
          io.signal,
        )
      } finally {
        await sink.close()
        progress.stop()
      }
      if (options.out !== undefined && !globals.quiet)
        io.stderr.write(`wrote ${sink.rowCount} ${sampled ? 'sampled ' : ''}rows to ${options.out}\n`)
    })
}

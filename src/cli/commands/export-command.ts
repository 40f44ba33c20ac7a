import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import type { Api } from '../../api/api.js'
import type { Run } from '../../codecs/run.js'
import type { RunFile } from '../../codecs/run-file-codec.js'
import { createSink } from '../../exports/create-sink.js'
import { FORMAT_EXTENSION, type ExportFormat } from '../../exports/row-sink.js'
import { runsTable } from '../../exports/runs-table.js'
import { Semaphore } from '../../streams/semaphore.js'
import type { RequestSlots } from '../../transport/request-slots.js'
import type { CliIo } from '../cli-io.js'
import { consume } from '../consume.js'
import { fetchRunFile } from '../export/download-run-file.js'
import {
  readManifest,
  writeManifest,
  type ExportManifest,
  type RunExportState,
} from '../export/export-manifest.js'
import { exportRunHistory } from '../export/export-run-history.js'
import { runPool } from '../export/run-pool.js'
import { apiFor, globalsOf } from '../global-options.js'
import { choiceParser, countParser, parseWhere } from '../option-parsers.js'
import { createProgress, type Progress } from '../progress.js'
import { UsageError } from '../usage-error.js'

interface ExportOptions {
  out: string
  where?: Record<string, unknown>
  history?: boolean
  files?: boolean
  format: ExportFormat
  concurrency: number | undefined
  pageSize: number
}

const TERMINAL = new Set(['finished', 'crashed', 'failed', 'killed', 'preempted'])
/** Runs exported at the same time when `--concurrency` is not given (requests still share the adaptive slots). */
const RUNS_AT_ONCE = 4

/**
 * `wandb-rx export <entity/project> --out DIR`: the runs table (`runs.csv`), and with
 * `--history` every run's full history (`history/<id>.csv`), with `--files` every run's files
 * (`files/<id>/…`). Resumable: progress is kept in `DIR/wandb-rx-export.json`, so re-running
 * the same command after a crash or Ctrl-C skips finished runs and continues partial ones from
 * their last checkpoint. `--concurrency` caps the requests in flight across all runs.
 *
 * @example
 * ```sh
 * wandb-rx export team/mnist --out ./mnist-export --where '{"state":"finished"}' --history --format parquet
 * ```
 */
export function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('export a project: runs table, full histories, files (resumable)')
    .argument('<path>', 'entity/project (or project)')
    .requiredOption('--out <dir>', 'output directory (created; holds the resume manifest)')
    .option('-w, --where <json>', 'Mongo-style filter on Run fields', parseWhere)
    .option('--history', "export every run's full history")
    .option('--files', "download every run's files")
    .option(
      '-f, --format <format>',
      'csv|jsonl|parquet',
      choiceParser(['csv', 'jsonl', 'parquet'] as const),
      'csv',
    )
    .option(
      '--concurrency <n>',
      'requests in flight across all runs (default: adaptive, up to 16)',
      countParser(1),
    )
    .option('--page-size <n>', 'history steps per request', countParser(1), 1000)
    .action(async (path: string, options: ExportOptions, command: Command) => {
      const globals = globalsOf(command)
      mkdirSync(options.out, { recursive: true })
      const previous = readManifest(options.out)
      if (previous && (previous.project !== path || previous.format !== options.format))
        throw new UsageError(
          `${options.out} holds an export of ${previous.project} as ${previous.format}: use the same path and --format to resume, or another --out`,
        )
      const api = apiFor(globals)
      const runs = await (options.where ? api.runs(path).where(options.where) : api.runs(path)).toArray()
      const manifest = mergeManifest(previous, path, options, runs)
      const save = () => writeManifest(options.out, manifest)
      save()
      await writeRunsTable(runs, join(options.out, `runs${FORMAT_EXTENSION[options.format]}`), options.format)
      const progress = createProgress(io.stderr, { quiet: globals.quiet })
      const listed = runs.map((run) => manifest.runs[run.path] as RunExportState)
      const todo = listed.filter(
        (r) => (r.history !== undefined && r.history.status !== 'complete') || r.files?.status === 'pending',
      )
      const skipped = listed.length - todo.length
      progress.note(`${runs.length} runs listed; ${todo.length} to export, ${skipped} already complete`)
      const overall = progress.bar('runs', todo.length)
      const slots = options.concurrency ? new Semaphore(options.concurrency) : api.context.http.slots
      try {
        await runPool(todo, options.concurrency ?? RUNS_AT_ONCE, async (state) => {
          if (io.signal?.aborted) return
          await exportRun(api, state, { ...options, slots, progress, save, signal: io.signal })
          overall.increment()
        })
      } finally {
        save()
        progress.stop()
      }
      if (io.signal?.aborted)
        throw new Error(`interrupted: progress saved in ${options.out}; run the same command again to resume`)
      manifest.completedAt = new Date().toISOString()
      save()
      const rows = Object.values(manifest.runs).reduce((sum, r) => sum + (r.history?.rows ?? 0), 0)
      if (!globals.quiet)
        io.stderr.write(
          `exported ${runs.length} runs${options.history ? ` (${rows} history rows)` : ''} to ${options.out}\n`,
        )
    })
}

/** Adds newly listed runs to the manifest and refreshes the state of known ones. */
function mergeManifest(
  previous: ExportManifest | undefined,
  project: string,
  options: ExportOptions,
  runs: readonly Run[],
): ExportManifest {
  const now = new Date().toISOString()
  const manifest: ExportManifest = previous ?? {
    version: 1,
    project,
    format: options.format,
    where: options.where ?? null,
    history: options.history ?? false,
    files: options.files ?? false,
    startedAt: now,
    updatedAt: now,
    completedAt: null,
    runs: {},
  }
  manifest.completedAt = null
  for (const run of runs) {
    const state: RunExportState = manifest.runs[run.path] ?? {
      id: run.id,
      path: run.path,
      name: run.name,
      state: run.state,
    }
    state.name = run.name
    state.state = run.state
    if (options.history) state.history ??= { status: 'pending', nextStep: 0, bytes: 0, rows: 0 }
    if (options.files) state.files ??= { status: 'pending', count: 0 }
    manifest.runs[run.path] = state
  }
  return manifest
}

async function writeRunsTable(runs: readonly Run[], path: string, format: ExportFormat): Promise<void> {
  const table = runsTable(runs)
  const sink = createSink(format, path, { columns: table.columns })
  for (const row of table.rows) sink.write(row)
  await sink.close()
}

interface RunJobContext extends ExportOptions {
  readonly slots: RequestSlots
  readonly progress: Progress
  readonly save: () => void
  readonly signal: AbortSignal | undefined
}

async function exportRun(api: Api, state: RunExportState, job: RunJobContext): Promise<void> {
  const handle = api.run(state.path)
  if (state.history && state.history.status !== 'complete') {
    const run = await handle.get()
    const bar = job.progress.bar(`history ${state.id}`, run.historyLineCount)
    mkdirSync(join(job.out, 'history'), { recursive: true })
    try {
      await exportRunHistory({
        handle,
        stagingPath: join(job.out, 'history', `${state.id}.jsonl.partial`),
        outPath: join(job.out, 'history', `${state.id}${FORMAT_EXTENSION[job.format]}`),
        format: job.format,
        progress: state.history,
        terminal: TERMINAL.has(state.state),
        slots: job.slots,
        pageSize: job.pageSize,
        bar,
        onCheckpoint: job.save,
        signal: job.signal,
      })
    } finally {
      bar.stop()
    }
  }
  if (state.files && state.files.status !== 'complete' && !job.signal?.aborted) {
    const root = join(job.out, 'files', state.id)
    let count = 0
    const files: RunFile[] = []
    await consume(handle.files(), (file) => void files.push(file), job.signal)
    await runPool(files, job.slots.size, async (file) => {
      await job.slots.use(() => fetchRunFile(api, file, root, job.signal), job.signal)
      count++
    })
    if (!job.signal?.aborted) state.files = { status: 'complete', count }
    job.save()
  }
}

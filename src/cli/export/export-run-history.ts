import { createReadStream, existsSync, rmSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { RunHandle } from '../../api/run-handle.js'
import { createSink } from '../../exports/create-sink.js'
import type { ExportFormat } from '../../exports/row-sink.js'
import { parseExtendedJson } from '../../internal/extended-json.js'
import type { RequestSlots } from '../../transport/request-slots.js'
import { consume } from '../consume.js'
import type { ProgressBar } from '../progress.js'
import type { HistoryProgress } from './export-manifest.js'
import { HistoryStaging } from './history-staging.js'

/** What {@link exportRunHistory} needs. */
export interface RunHistoryJob {
  readonly handle: RunHandle
  readonly stagingPath: string
  readonly outPath: string
  readonly format: ExportFormat
  /** Mutated in place as the export advances; saved by `onCheckpoint`. */
  readonly progress: HistoryProgress
  /** Whether the run had ended when listed: only then can its history be marked complete. */
  readonly terminal: boolean
  readonly slots: RequestSlots
  readonly pageSize: number
  readonly bar: ProgressBar
  readonly onCheckpoint: () => void
  readonly signal?: AbortSignal | undefined
}

/** Rows between checkpoints (a checkpoint is taken only at a step boundary). */
const CHECKPOINT_ROWS = 500

/**
 * Scans one run's full history into its staging file, resuming at `progress.nextStep`, then
 * converts the staging file into the export format. Checkpoints land on step boundaries: when a
 * row with a new `_step` arrives, every row of the earlier steps is on disk, so `nextStep` is
 * that new step and a resume scans it again from its first row.
 *
 * A run that was still live is left `partial` (with an up-to-date snapshot file) so the next
 * export continues it; an ended run becomes `complete` and its staging file is removed.
 *
 * @example
 * ```ts
 * await exportRunHistory({ handle, stagingPath, outPath, format: 'csv', progress, terminal: true, … })
 * ```
 */
export async function exportRunHistory(job: RunHistoryJob): Promise<void> {
  const { progress } = job
  if (progress.status === 'pending' || !existsSync(job.stagingPath))
    Object.assign(progress, { nextStep: 0, bytes: 0, rows: 0 })
  const staging = new HistoryStaging(job.stagingPath, progress.bytes)
  progress.status = 'partial'
  let step: number | undefined
  let rows = progress.rows
  let sinceCheckpoint = 0
  let aborted = false
  // The manifest is saved by every run's checkpoints, so `progress` changes only here, together.
  const checkpoint = (nextStep: number) => {
    progress.bytes = staging.checkpoint()
    progress.nextStep = nextStep
    progress.rows = rows
    sinceCheckpoint = 0
    job.onCheckpoint()
  }
  job.signal?.addEventListener('abort', () => (aborted = true), { once: true })
  try {
    const scan = job.handle.scanHistory({
      minStep: progress.nextStep,
      pageSize: job.pageSize,
      slots: job.slots,
    })
    await consume(
      scan,
      (row) => {
        if (step !== undefined && row._step !== step && sinceCheckpoint >= CHECKPOINT_ROWS)
          checkpoint(row._step)
        staging.write(row)
        step = row._step
        rows++
        sinceCheckpoint++
        job.bar.update(rows)
      },
      job.signal,
    )
    if (aborted || job.signal?.aborted) return
    checkpoint(step === undefined ? progress.nextStep : step + 1)
  } finally {
    staging.close()
  }
  await convertStaging(job.stagingPath, job.outPath, job.format)
  if (job.terminal) {
    progress.status = 'complete'
    rmSync(job.stagingPath, { force: true })
  }
  job.onCheckpoint()
}

/** Writes the staged JSONL rows into the export format, one row in memory at a time. */
async function convertStaging(stagingPath: string, outPath: string, format: ExportFormat): Promise<void> {
  const sink = createSink(format, outPath)
  try {
    const lines = createInterface({ input: createReadStream(stagingPath, 'utf8'), crlfDelay: Infinity })
    for await (const line of lines)
      if (line !== '') sink.write(parseExtendedJson(line) as Record<string, unknown>)
  } finally {
    await sink.close()
  }
}

import { exportedLineCount } from '../store/history-exports.js'
import { firstLineAtStep, stepOfLine } from '../store/history-line-range.js'
import type { Db } from '../store/open-database.js'
import { sql } from '../store/statements.js'

/** States in which a run may still log; any other state ends (a resume starts a new tail). */
const LIVE_STATES = new Set(['running', 'pending', 'preempting'])

/**
 * Step multiple that a running run's export ends on. wandb-core 0.30 reads a scan page that
 * straddles the boundary from the files AND from `history(minStep)` of the page start, which
 * repeats the exported part; ending on a multiple of 1000 (its default page size) keeps
 * default scans exact.
 */
const ALIGN_STEPS = 1000

/** Rows per file at most: an export holds its rows in memory, and a file is written in one go. */
const MAX_FILE_ROWS = 100_000

/** History lines `[from, to)` of a run to export now. */
export interface ExportRange {
  readonly from: number
  readonly to: number
}

/**
 * What to export of a run: every unexported line once it has ended; while it runs, only when
 * `thresholdRows` lines are unexported. At most {@link MAX_FILE_ROWS} lines per file; a file
 * that does not take every line ends before the last aligned step it reaches, else before its
 * last step, so that no step is split between a file and the live tail.
 */
export function planExport(db: Db, runId: number, thresholdRows: number): ExportRange | undefined {
  const run = sql<{ state: string; history_line_count: number }>(
    db,
    'SELECT state, history_line_count FROM runs WHERE id = ?',
  ).get(runId)
  if (!run) return undefined
  const from = exportedLineCount(db, runId)
  const count = run.history_line_count
  const ended = !LIVE_STATES.has(run.state)
  if (count <= from || (!ended && count - from < thresholdRows)) return undefined
  const end = Math.min(count, from + MAX_FILE_ROWS)
  if (ended && end === count) return { from, to: count }
  const align = Math.max(1, Math.min(ALIGN_STEPS, thresholdRows))
  const last = stepOfLine(db, runId, end - 1) ?? 0
  const aligned = firstLineAtStep(db, runId, from, Math.floor(last / align) * align) ?? end
  if (aligned > from) return { from, to: aligned }
  // No aligned step to end on (the lines stay within one aligned block): end before the last
  // step instead. A step must never be split between a file and the live tail: readers take the
  // tail from its lowest step, and would read the step's exported rows twice.
  const beforeLast = firstLineAtStep(db, runId, from, last) ?? end
  if (beforeLast > from) return { from, to: beforeLast }
  // Every line to export is at one step: a running run waits for its next step; an ended one has
  // no tail, so its file may end anywhere.
  return ended ? { from, to: end } : undefined
}

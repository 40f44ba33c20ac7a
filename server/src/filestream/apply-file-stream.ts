import type { Db } from '../store/open-database.js'
import type { RunRow } from '../store/rows.js'
import { insertEventLine, insertHistoryLine, putLogLine } from '../store/lines.js'
import { updateRun, type RunFields } from '../store/runs.js'
import { nowIso } from '../util/clock.js'
import { parseExtendedJson } from '../util/extended-json.js'
import { FileStreamError } from './file-stream-error.js'
import { addRowKeys, parseHistoryKeys } from './history-keys.js'
import type { FileChunk, FileStreamBody } from './parse-file-stream.js'

export const HISTORY_FILE = 'wandb-history.jsonl'
export const EVENTS_FILE = 'wandb-events.jsonl'
export const SUMMARY_FILE = 'wandb-summary.json'
export const OUTPUT_FILE = 'output.log'

function parseRow(line: string, file: string, index: number): Record<string, unknown> {
  let row: unknown
  try {
    row = parseExtendedJson(line)
  } catch {
    throw new FileStreamError(`${file} line ${index} is not valid JSON`)
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new FileStreamError(`${file} line ${index} is not a JSON object`)
  }
  return row as Record<string, unknown>
}

/**
 * Lines already stored are skipped (a resent chunk is idempotent); a chunk starting past the
 * stored end is a gap, which the writer must fix by resending, so it is refused.
 */
function newLines(
  chunk: FileChunk,
  stored: number,
  file: string,
): { first: number; lines: readonly string[] } {
  if (chunk.offset > stored) {
    throw new FileStreamError(
      `${file}: offset ${chunk.offset} leaves a gap (next expected line is ${stored})`,
    )
  }
  return { first: stored, lines: chunk.content.slice(stored - chunk.offset) }
}

function appendHistory(db: Db, run: RunRow, chunk: FileChunk, fields: RunFields): void {
  const { first, lines } = newLines(chunk, run.history_line_count, HISTORY_FILE)
  if (lines.length === 0) return
  const keys = parseHistoryKeys(run.history_keys)
  let lastStep = run.last_step
  lines.forEach((line, i) => {
    const row = parseRow(line, HISTORY_FILE, first + i)
    // `_step` is the x axis; a row without one gets the next step, as the W&B backend does.
    const step = Number.isInteger(row._step) ? (row._step as number) : (lastStep ?? -1) + 1
    insertHistoryLine(db, run.id, first + i, step, line)
    addRowKeys(keys, row)
    lastStep = lastStep === null ? step : Math.max(lastStep, step)
  })
  if (lastStep !== null) keys.lastStep = lastStep
  Object.assign(fields, {
    history_line_count: first + lines.length,
    history_keys: JSON.stringify(keys),
    last_step: lastStep,
  })
}

function appendEvents(db: Db, run: RunRow, chunk: FileChunk, fields: RunFields): void {
  const { first, lines } = newLines(chunk, run.events_line_count, EVENTS_FILE)
  let system: Record<string, unknown> | undefined
  lines.forEach((line, i) => {
    system = parseRow(line, EVENTS_FILE, first + i)
    insertEventLine(db, run.id, first + i, line)
  })
  if (lines.length > 0) {
    fields.events_line_count = first + lines.length
    fields.system_metrics = JSON.stringify(system)
  }
}

function writeOutput(db: Db, run: RunRow, chunk: FileChunk, fields: RunFields): void {
  if (chunk.offset > run.log_line_count) {
    throw new FileStreamError(
      `${OUTPUT_FILE}: offset ${chunk.offset} leaves a gap (${run.log_line_count} lines stored)`,
    )
  }
  chunk.content.forEach((line, i) => putLogLine(db, run.id, chunk.offset + i, line))
  fields.log_line_count = Math.max(run.log_line_count, chunk.offset + chunk.content.length)
}

/** The state a run reaches after this request (`complete` ends it, data keeps it running). */
function nextState(run: RunRow, body: FileStreamBody): string {
  if (body.complete) {
    if (run.stopped) return 'killed'
    return (body.exitcode ?? 0) === 0 ? 'finished' : 'failed'
  }
  return body.preempting ? 'preempting' : 'running'
}

/**
 * Applies one file_stream request to `run` inside the caller's transaction and returns the
 * reply body: `{}` or `{"stopped": true}` once `stopRun` was called.
 */
export function applyFileStream(db: Db, run: RunRow, body: FileStreamBody): Record<string, unknown> {
  const fields: RunFields = { heartbeat_at: nowIso(), state: nextState(run, body) }
  if (body.complete) fields.exitcode = body.exitcode ?? 0
  for (const [name, chunk] of Object.entries(body.files)) {
    if (name === HISTORY_FILE) appendHistory(db, run, chunk, fields)
    else if (name === EVENTS_FILE) appendEvents(db, run, chunk, fields)
    else if (name === OUTPUT_FILE) writeOutput(db, run, chunk, fields)
    else if (name === SUMMARY_FILE) {
      const last = chunk.content.at(-1)
      if (last !== undefined) {
        parseRow(last, SUMMARY_FILE, chunk.offset + chunk.content.length - 1)
        fields.summary_json = last
      }
    }
    // Other names (legacy config.yaml, ...) carry nothing the API serves; ignore them.
  }
  updateRun(db, run.id, fields)
  return run.stopped ? { stopped: true } : {}
}

import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import { RUN_COLUMNS, type RunRow } from './rows.js'
import { sql } from './statements.js'

export function findRun(db: Db, projectId: number, name: string): RunRow | undefined {
  return sql<RunRow>(db, `SELECT ${RUN_COLUMNS} FROM runs r WHERE r.project_id = ? AND r.name = ?`).get(
    projectId,
    name,
  )
}

export function findRunById(db: Db, id: number): RunRow | undefined {
  return sql<RunRow>(db, `SELECT ${RUN_COLUMNS} FROM runs r WHERE r.id = ?`).get(id)
}

/** Run columns a write may set; `undefined` leaves a column unchanged. */
export interface RunFields {
  display_name?: string | null
  state?: string
  config_json?: string
  summary_json?: string
  system_metrics?: string
  tags?: string
  group_name?: string | null
  job_type?: string | null
  sweep_name?: string | null
  commit_hash?: string | null
  description?: string | null
  notes?: string | null
  host?: string | null
  program?: string | null
  heartbeat_at?: string
  history_line_count?: number
  events_line_count?: number
  log_line_count?: number
  history_keys?: string
  last_step?: number | null
  stopped?: number
  exitcode?: number | null
}

/** Column names are only ever these literal keys, never user input. */
const WRITABLE = new Set<string>([
  'display_name',
  'state',
  'config_json',
  'summary_json',
  'system_metrics',
  'tags',
  'group_name',
  'job_type',
  'sweep_name',
  'commit_hash',
  'description',
  'notes',
  'host',
  'program',
  'heartbeat_at',
  'history_line_count',
  'events_line_count',
  'log_line_count',
  'history_keys',
  'last_step',
  'stopped',
  'exitcode',
])

function definedEntries(fields: RunFields): [string, unknown][] {
  return Object.entries(fields).filter(([key, value]) => value !== undefined && WRITABLE.has(key))
}

export function insertRun(
  db: Db,
  projectId: number,
  name: string,
  userId: number,
  fields: RunFields,
): RunRow {
  const now = nowIso()
  const entries = definedEntries({ state: 'running', heartbeat_at: now, ...fields })
  const columns = ['project_id', 'name', 'user_id', 'created_at', 'updated_at', ...entries.map(([k]) => k)]
  const values = [projectId, name, userId, now, now, ...entries.map(([, v]) => v)]
  const id = sql(
    db,
    `INSERT INTO runs (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...values).lastInsertRowid
  return findRunById(db, Number(id)) as RunRow
}

export function updateRun(db: Db, id: number, fields: RunFields): RunRow {
  const entries = definedEntries(fields)
  if (entries.length > 0) {
    const sets = [...entries.map(([k]) => `${k} = ?`), 'updated_at = ?']
    sql(db, `UPDATE runs SET ${sets.join(', ')} WHERE id = ?`).run(...entries.map(([, v]) => v), nowIso(), id)
  }
  return findRunById(db, id) as RunRow
}

export function deleteRun(db: Db, id: number): void {
  sql(db, 'DELETE FROM runs WHERE id = ?').run(id)
}

import { nowIso } from '../util/clock.js'
import { ensureEntity, findUserByName } from './users.js'
import type { Db } from './open-database.js'
import { upsertProject } from './projects.js'
import { sql } from './statements.js'

/** A run for the benchmark's bulk path (plain config; it is stored wrapped). */
export interface BulkRun {
  readonly name: string
  readonly displayName?: string
  readonly state?: string
  readonly config?: Readonly<Record<string, unknown>>
  readonly summary?: Readonly<Record<string, unknown>>
  readonly tags?: readonly string[]
  readonly group?: string
  readonly jobType?: string
}

/** Inserts runs in one transaction (benchmark setup only; it skips the W&B protocol). */
export function bulkInsertRuns(db: Db, entity: string, project: string, runs: readonly BulkRun[]): void {
  db.transaction(() => {
    ensureEntity(db, entity, false)
    const projectId = upsertProject(db, entity, project).project.id
    const userId = findUserByName(db, entity)?.id ?? null
    const insert = sql(
      db,
      `INSERT INTO runs (project_id, name, display_name, state, user_id, config_json, summary_json, tags,
        group_name, job_type, created_at, updated_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const run of runs) {
      const now = nowIso()
      const config = Object.fromEntries(Object.entries(run.config ?? {}).map(([k, v]) => [k, { value: v }]))
      insert.run(
        projectId,
        run.name,
        run.displayName ?? run.name,
        run.state ?? 'finished',
        userId,
        JSON.stringify(config),
        JSON.stringify(run.summary ?? {}),
        JSON.stringify(run.tags ?? []),
        run.group ?? null,
        run.jobType ?? null,
        now,
        now,
        now,
      )
    }
  })()
}

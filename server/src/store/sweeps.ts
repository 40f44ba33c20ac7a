import { nowIso } from '../util/clock.js'
import type { Db } from './open-database.js'
import type { SweepRow } from './rows.js'
import { sql } from './statements.js'

export function findSweep(db: Db, projectId: number, name: string): SweepRow | undefined {
  return sql<SweepRow>(db, 'SELECT * FROM sweeps WHERE project_id = ? AND name = ?').get(projectId, name)
}

export function listSweeps(db: Db, projectId: number, afterId: number, limit: number): SweepRow[] {
  return sql<SweepRow>(db, 'SELECT * FROM sweeps WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?').all(
    projectId,
    afterId,
    limit,
  )
}

export function countSweeps(db: Db, projectId: number): number {
  return (
    sql<{ n: number }>(db, 'SELECT count(*) AS n FROM sweeps WHERE project_id = ?').get(projectId)?.n ?? 0
  )
}

export interface SweepFields {
  readonly config?: string | null
  readonly method?: string | null
  readonly state?: string | null
  readonly description?: string | null
  readonly displayName?: string | null
  readonly runCountExpected?: number | null
}

/** Creates or updates a sweep; `config` is the sweep's YAML text, as W&B stores it. */
export function upsertSweep(
  db: Db,
  projectId: number,
  name: string,
  userId: number,
  fields: SweepFields,
): { sweep: SweepRow; inserted: boolean } {
  const now = nowIso()
  const before = findSweep(db, projectId, name)
  if (!before) {
    sql(
      db,
      `INSERT INTO sweeps (project_id, name, display_name, method, state, config, description,
        run_count_expected, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      projectId,
      name,
      fields.displayName ?? null,
      fields.method ?? methodOf(fields.config) ?? 'random',
      fields.state ?? 'RUNNING',
      fields.config ?? '',
      fields.description ?? null,
      fields.runCountExpected ?? null,
      userId,
      now,
      now,
    )
  } else {
    sql(
      db,
      `UPDATE sweeps SET display_name = coalesce(?, display_name), method = coalesce(?, method),
        state = coalesce(?, state), config = coalesce(?, config), description = coalesce(?, description),
        updated_at = ? WHERE id = ?`,
    ).run(
      fields.displayName ?? null,
      fields.method ?? methodOf(fields.config) ?? null,
      fields.state ?? null,
      fields.config ?? null,
      fields.description ?? null,
      now,
      before.id,
    )
  }
  return { sweep: findSweep(db, projectId, name) as SweepRow, inserted: !before }
}

/** The `method:` line of a sweep YAML config, if any (enough for grid / random / bayes). */
function methodOf(config: string | null | undefined): string | undefined {
  return config ? /^method:\s*["']?(\w+)/m.exec(config)?.[1] : undefined
}

/** Sweep best loss: refreshed from the runs' summaries by the caller when it knows the metric. */
export function setBestLoss(db: Db, id: number, bestLoss: number | null): void {
  sql(db, 'UPDATE sweeps SET best_loss = ? WHERE id = ?').run(bestLoss, id)
}

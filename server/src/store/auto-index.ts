import { createHash } from 'node:crypto'
import { literal, type JsonRef } from '../filters/sql-fragment.js'
import type { Db } from './open-database.js'

/**
 * Adaptive expression indexes. Config and summary keys are open-ended, so no fixed index can
 * cover them; instead the first query that filters or orders by `config.lr` on a big table
 * creates `runs(project_id, json_extract(config, '$."lr"."value"'))` and analyzes it, so the
 * planner can walk that index (a page of 50 out of 100k runs in well under a millisecond).
 * The creating query pays once (~100 ms per 100k runs). Stats are refreshed as the table grows.
 */
export class AutoIndexer {
  readonly #db: Db
  readonly #known = new Set<string>()
  #analyzedAt = 0

  constructor(
    db: Db,
    readonly minRows = 2000,
    readonly maxIndexes = 64,
  ) {
    this.#db = db
    const rows = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'auto_%'")
      .all()
    for (const row of rows as { name: string }[]) this.#known.add(row.name)
  }

  /** Makes sure every referenced JSON path has an index once the table is big enough. */
  ensure(refs: readonly JsonRef[]): void {
    if (refs.length === 0) return
    const rows = this.#rowEstimate()
    if (rows < this.minRows) return
    for (const ref of refs) {
      const name = `auto_${ref.column}_${createHash('sha1').update(ref.path).digest('hex').slice(0, 12)}`
      if (this.#known.has(name) || this.#known.size >= this.maxIndexes) continue
      this.#db.exec(
        `CREATE INDEX IF NOT EXISTS ${name} ON runs (project_id, json_extract(${ref.column}, ${literal(ref.path)}))`,
      )
      this.#db.exec(`ANALYZE ${name}`)
      this.#known.add(name)
    }
    // Stale statistics from a small table would mislead the planner on a grown one.
    if (rows > 2 * this.#analyzedAt) {
      this.#db.exec('ANALYZE runs')
      this.#analyzedAt = rows
    }
  }

  #rowEstimate(): number {
    const row = this.#db.prepare('SELECT max(id) AS n FROM runs').get() as { n: number | null }
    return row.n ?? 0
  }
}

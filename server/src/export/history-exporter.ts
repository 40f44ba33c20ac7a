import { createHash, randomBytes } from 'node:crypto'
import type { Logger } from '../http/logger.js'
import { commitHistoryExport, runsWithUnexportedHistory } from '../store/history-exports.js'
import { historyLineBatch } from '../store/history-line-range.js'
import type { Db } from '../store/open-database.js'
import { parseExtendedJson } from '../util/extended-json.js'
import { encodeHistory } from './encode-history.js'
import { planExport, type ExportRange } from './export-plan.js'
import { ShapeCollector, type ExportRow } from './history-schema.js'

/** Lines read per turn of the event loop. */
const READ_BATCH = 2000

class ExporterClosed extends Error {
  override readonly name = 'ExporterClosed'
}

/**
 * Exports run histories to Parquet off the request path. A temporary trigger tells it about
 * every change of a run's state or history length; it then exports, one run at a time, in
 * small steps separated by `setImmediate`, so requests interleave. A file and its boundary are
 * committed in one SQLite transaction (see `history-exports.ts`): a crash loses at most the
 * export in progress, which `start` redoes.
 */
export class HistoryExporter {
  readonly #due = new Set<number>()
  #draining: Promise<void> | undefined
  #closed = false

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    /** Unexported lines at which a running run is exported. */
    readonly thresholdRows: number,
  ) {}

  /** Starts watching runs and queues every run with unexported lines that may need an export. */
  start(): void {
    this.db.function('wrx_history_changed', (id: unknown) => {
      this.notify(Number(id))
      return null
    })
    this.db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS wrx_history_export_watch
      AFTER UPDATE OF state, history_line_count ON main.runs
      WHEN new.history_line_count > 0
        AND (new.state IS NOT old.state OR new.history_line_count IS NOT old.history_line_count)
      BEGIN SELECT wrx_history_changed(new.id); END`)
    for (const id of runsWithUnexportedHistory(this.db)) this.notify(id)
  }

  /** Queues a run for a look (cheap; called from inside the writing transaction). */
  notify(runId: number): void {
    if (this.#closed) return
    this.#due.add(runId)
    this.#draining ??= this.#drain()
  }

  /** Resolves once nothing is queued or exporting. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining
  }

  /** Stops after the current step; an unfinished export is dropped (and redone at the next start). */
  async close(): Promise<void> {
    this.#closed = true
    await this.idle()
  }

  async #drain(): Promise<void> {
    try {
      await this.#pause()
      while (this.#due.size > 0) {
        const runId = this.#due.values().next().value as number
        this.#due.delete(runId)
        await this.#exportRun(runId)
      }
    } catch (error) {
      if (!(error instanceof ExporterClosed)) throw error
    } finally {
      this.#draining = undefined
    }
  }

  /** Exports what the plan says until nothing is left (a run may end while it is exported). */
  async #exportRun(runId: number): Promise<void> {
    try {
      let range: ExportRange | undefined
      while ((range = planExport(this.db, runId, this.thresholdRows))) {
        if (!(await this.#export(runId, range))) return
      }
    } catch (error) {
      if (error instanceof ExporterClosed) throw error
      // Stored lines parsed once already, so this is a bug; the next change of the run retries.
      this.logger.info(`history export of run ${runId} failed: ${(error as Error).stack ?? String(error)}`)
    }
  }

  async #pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve))
    if (this.#closed) throw new ExporterClosed('server closed')
  }

  async #export(runId: number, { from, to }: ExportRange): Promise<boolean> {
    const started = performance.now()
    this.logger.info(`history export: run ${runId} lines ${from}..${to - 1} started`)
    const rows: ExportRow[] = []
    const collector = new ShapeCollector()
    for (let at = from; at < to;) {
      const batch = historyLineBatch(this.db, runId, at, to, READ_BATCH)
      if (batch.length === 0) break
      for (const { step, data } of batch) {
        const row = parseExtendedJson(data) as Record<string, unknown>
        collector.add(row)
        rows.push({ step, row })
      }
      at = (batch.at(-1)?.line ?? to) + 1
      await this.#pause()
    }
    if (rows.length !== to - from) return false
    // A stable sort keeps lines of equal steps in log order, as `history` returns them.
    rows.sort((a, b) => a.step - b.step)
    const bytes = await encodeHistory(rows, collector.shapes, () => this.#pause())
    const committed = commitHistoryExport(this.db, {
      runId,
      uid: randomBytes(12).toString('base64url'),
      firstLine: from,
      endLine: to,
      minStep: rows[0]?.step ?? 0,
      maxStep: rows.at(-1)?.step ?? 0,
      rowCount: rows.length,
      etag: `"${createHash('sha256').update(bytes).digest('base64url')}"`,
      bytes,
    })
    const ms = (performance.now() - started).toFixed(0)
    this.logger.info(
      `history export: run ${runId} lines ${from}..${to - 1} ${committed ? `stored, ${bytes.length} bytes` : 'dropped (run changed)'} (${ms} ms)`,
    )
    return committed
  }
}

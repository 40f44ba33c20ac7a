import { scanHistories, type Api } from '../../src/index.js'
import { csvSink, fileTarget, writeRows } from '../../src/exports/index.js'

/**
 * Step 4 of the demo: every history row of every run (unsampled `scanHistories`), three window
 * requests in flight across all runs, into one CSV with a `_run` column (W&B keeps `_` keys for bookkeeping, so it never clashes). Rows stream straight to disk: memory stays flat
 * however long the runs are.
 */
export async function exportHistory(api: Api, project: string, file: string): Promise<number> {
  const rows = scanHistories(api, api.runs(project), { concurrency: 3 })
  return writeRows(rows, csvSink(fileTarget(file)))
}

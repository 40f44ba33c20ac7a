import { map, mergeMap } from 'rxjs'
import type { Api, Run } from '../../src/index.js'
import { csvSink, fileTarget, writeRows } from '../../src/exports/index.js'

/**
 * Step 4 of the demo: every history row of every run (unsampled `scanHistory`), three runs at a
 * time, into one CSV with a `_run` column (W&B keeps `_` keys for bookkeeping, so it never clashes). Rows stream straight to disk: memory stays flat
 * however long the runs are.
 */
export async function exportHistory(api: Api, project: string, file: string): Promise<number> {
  const rows = api
    .runs(project)
    .stream()
    .pipe(
      mergeMap(
        (run: Run) =>
          api
            .run(run)
            .scanHistory()
            .pipe(map((row) => ({ _run: run.id, ...row }))),
        3,
      ),
    )
  return writeRows(rows, csvSink(fileTarget(file)))
}

import type { Api } from '../../src/index.js'
import { runsTable } from '../../src/exports/index.js'
import { textTable } from '../../src/cli/text-table.js'

/**
 * Step 2 of the demo: the best finished Adam runs by `summary.loss`. The loss bound is a range on
 * a summary value, which wandb-rx pushes to the server as a pre-filter and re-checks locally
 * (the client-side residual), and `explain()` shows that split before anything is fetched.
 */
export async function showTopRuns(api: Api, project: string, print: (line: string) => void): Promise<void> {
  const query = api
    .runs(project)
    .where({ state: 'finished', 'config.optimizer': 'adam', 'summary.loss': { $lt: 1.5 } })
    .orderBy('+summary.loss')
    .limit(3)
  print('  query plan (compile() makes no request):')
  for (const line of query.compile().explain().split('\n')) print(`    ${line}`)
  const runs = await query.toArray()
  const table = runsTable(runs, { columns: ['id', 'state', 'config.lr', 'summary.loss', 'summary.acc'] })
  for (const line of textTable(table.columns, table.rows).trimEnd().split('\n')) print(`  ${line}`)
}

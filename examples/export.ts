/**
 * Export: a project's runs as one flat table (CSV), every run's full history into one Parquet
 * file with a `_run` column, and the config keys that differ between runs. Writers stream to
 * disk, so memory stays flat however large the project. (The `wandb-rx export` command does the
 * same with resume support.)
 *
 * Run: `npx tsx examples/export.ts` (files go to ./demo-output/export/).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { scanHistories } from '../src/index.js'
import {
  compareConfigs,
  csvSink,
  fileTarget,
  parquetSink,
  runsTable,
  writeRows,
} from '../src/exports/index.js'
import { openExample } from './support/open-example.js'

const out = join('demo-output', 'export')
mkdirSync(out, { recursive: true })
const { api, project, close } = await openExample()
try {
  const runs = await api
    .runs(project)
    .where({ state: { $in: ['finished', 'crashed', 'failed'] } })
    .toArray()

  // 1. The runs table: id, name, state, createdAt, config.*, summary.* (flattened with dots).
  const table = runsTable(runs)
  const runsCsv = csvSink(fileTarget(join(out, 'runs.csv')), { columns: table.columns })
  for (const row of table.rows) runsCsv.write(row)
  await runsCsv.close()
  console.log(
    `runs table: ${table.rows.length} runs x ${table.columns.length} columns -> ${join(out, 'runs.csv')}`,
  )

  // 2. Every history row of every run (4 requests in flight in all), tagged with `_run`, into Parquet.
  const finishedRuns = api.runs(project).where({ state: { $in: ['finished', 'crashed', 'failed'] } })
  const rows = scanHistories(api, finishedRuns, { concurrency: 4 })
  const count = await writeRows(rows, parquetSink(join(out, 'history.parquet')))
  console.log(`history: ${count} rows -> ${join(out, 'history.parquet')}`)

  // 3. What differs between the runs' configs.
  const { differences, shared } = compareConfigs(runs)
  console.log(`config keys shared by all runs: ${Object.keys(shared).join(', ')}`)
  console.log(`config keys that differ: ${differences.map((d) => d.key).join(', ')}`)
} finally {
  await close()
}

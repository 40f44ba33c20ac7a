/**
 * `npm run bench`: builds dist/, starts the local server in a child process, seeds one long run
 * (1M rows × 13 columns), runs every row group of `groups/index.ts` and prints ONE table, each
 * row a figure and its baseline measured in the same run.
 *
 *   npx tsx bench/run-all.ts [--rows 1000000] [--only scan,startup]
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { formatTable, type BenchRow } from './bench-row.js'
import { GROUPS } from './groups/index.js'
import { seedHistory, startBenchServer } from './support/bench-server.js'

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1] : undefined
}
const rows = Number(arg('rows') ?? 1_000_000)
const only = arg('only')?.split(',')

execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], {
  stdio: 'inherit',
})
const server = await startBenchServer()
try {
  const t0 = performance.now()
  const seeded = await seedHistory(server, { project: 'bench', name: 'big', rows })
  console.error(`seeded ${rows.toLocaleString('en')} rows in ${seeded.toFixed(0)} s`)
  const ctx = { server, runPath: `${server.entity}/bench/big`, rows }
  const table: BenchRow[] = []
  for (const group of GROUPS) {
    if (only && !only.some((o) => group.title.includes(o))) continue
    const started = performance.now()
    table.push(...(await group.run(ctx)))
    console.error(`${group.title}: ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
  console.log(formatTable(table))
  console.error(`total ${((performance.now() - t0) / 1000).toFixed(0)} s`)
} finally {
  server.close()
}

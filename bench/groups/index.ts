import type { BenchGroup } from '../bench-row.js'
import { exportMemory } from './export-memory.js'
import { groupedCurves } from './grouped-curves.js'
import { parquetHistory } from './parquet-history.js'
import { pythonClient } from './python-client.js'
import { scanLatency } from './scan-latency.js'
import { serverFigures } from './server-figures.js'
import { startup } from './startup.js'

/**
 * The row groups of `npm run bench`, in table order. To add rows (as "Parquet history vs
 * GraphQL windows", "vs the Python client 0.30"), write a module exporting a `BenchGroup` whose
 * `run(ctx)` returns rows measured against a baseline in the same run, and list it here; `ctx`
 * holds the bench server and its seeded 1M-row run.
 */
export const GROUPS: readonly BenchGroup[] = [
  parquetHistory,
  pythonClient,
  scanLatency,
  startup,
  exportMemory,
  serverFigures,
  groupedCurves,
]

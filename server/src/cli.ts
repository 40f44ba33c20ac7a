#!/usr/bin/env node
import { parseArgs } from 'node:util'
import type { FaultKind, FaultPlan } from './faults/fault-plan.js'
import type { CorsOrigin } from './http/cors.js'
import type { LogLevel } from './http/logger.js'
import { startServer } from './start-server.js'

const USAGE = `wandb-rx-server — a W&B-compatible local server

  --port N            port (default 8080; 0 = random)
  --host H            interface (default 127.0.0.1)
  --db PATH           SQLite file (default ./wandb-local.sqlite; ':memory:' for none)
  --seed demo         add demo projects and runs (once per database)
  --api-key KEY       key of the default user 'local' (generated when absent)
  --log-level L       silent | info (default) | debug
  --parquet-export-rows N  export a running run's history to Parquet once N rows are
                      unexported (default 100000; ended runs are always exported)
  --dashboard DIR     serve the built dashboard in DIR at / (wandb-rx serve does this for you)
  --cors-origin O     pages allowed to call it from a browser: * (default), a comma list of
                      origins (http://localhost:5173,https://app.example), or none
  --faults JSON       a FaultPlan as JSON, e.g. '{"rate":0.1,"kinds":["429","503"]}'
  --fault-rate R      share of requests that fail (0..1)
  --fault-kinds K,..  kinds for --fault-rate: 429,500,502,503,504,reset,malformed,graphql-error
  --fault-latency MS  added latency, or MIN-MAX for jitter
  --fault-seed N      seed for deterministic faults
  --fault-ops A,B     only these GraphQL operation names
`

function faultPlan(values: Record<string, string | boolean | undefined>): FaultPlan | undefined {
  const base = typeof values.faults === 'string' ? (JSON.parse(values.faults) as FaultPlan) : {}
  const plan: Record<string, unknown> = { ...base }
  if (typeof values['fault-rate'] === 'string') plan.rate = Number(values['fault-rate'])
  if (typeof values['fault-kinds'] === 'string') plan.kinds = values['fault-kinds'].split(',') as FaultKind[]
  if (typeof values['fault-seed'] === 'string') plan.seed = Number(values['fault-seed'])
  if (typeof values['fault-ops'] === 'string') plan.operations = values['fault-ops'].split(',')
  const latency = values['fault-latency']
  if (typeof latency === 'string') {
    const [min, max] = latency.split('-').map(Number)
    plan.latencyMs = max === undefined ? min : { min, max }
  }
  return Object.keys(plan).length > 0 ? (plan as FaultPlan) : undefined
}

/** `--cors-origin`: `*`, `none`, or a comma list of origins. */
function corsOrigin(value: string | undefined): CorsOrigin {
  if (value === undefined || value === '*') return '*'
  if (value === 'none') return false
  return value.split(',').map((o) => o.trim())
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: './wandb-local.sqlite' },
      seed: { type: 'string' },
      'api-key': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      'parquet-export-rows': { type: 'string' },
      'cors-origin': { type: 'string', default: '*' },
      dashboard: { type: 'string' },
      faults: { type: 'string' },
      'fault-rate': { type: 'string' },
      'fault-kinds': { type: 'string' },
      'fault-latency': { type: 'string' },
      'fault-seed': { type: 'string' },
      'fault-ops': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(USAGE)
    return
  }
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new Error(`unknown --seed ${values.seed} (only 'demo')`)
  const logLevel = values['log-level'] as LogLevel
  if (!['silent', 'info', 'debug'].includes(logLevel)) throw new Error(`unknown --log-level ${logLevel}`)
  const faults = faultPlan(values)
  const exportRows = values['parquet-export-rows']
  if (exportRows !== undefined && !(Number.isSafeInteger(Number(exportRows)) && Number(exportRows) > 0))
    throw new Error(`--parquet-export-rows must be a positive integer, not ${exportRows}`)
  const srv = await startServer({
    port: Number(values.port),
    host: values.host,
    dbPath: values.db,
    seed: values.seed === 'demo' ? 'demo' : false,
    logLevel,
    corsOrigin: corsOrigin(values['cors-origin']),
    ...(values.dashboard ? { dashboard: values.dashboard } : {}),
    ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
    ...(faults ? { faults } : {}),
    ...(exportRows ? { parquetExportRows: Number(exportRows) } : {}),
  })
  // The first stdout line is the URL (tests read it); the key follows for humans.
  process.stdout.write(`${srv.url}\n`)
  process.stdout.write(`api key: ${srv.apiKey}  (entity: ${srv.entity}; WANDB_BASE_URL=${srv.url})\n`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`[wandb-rx-server] ${signal}: shutting down\n`)
    srv.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`wandb-rx-server: ${(error as Error).message}\n`)
  process.exit(1)
})

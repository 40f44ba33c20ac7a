import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HistoryExporter } from './export/history-exporter.js'
import { FaultInjector } from './faults/fault-injector.js'
import type { FaultPlan } from './faults/fault-plan.js'
import { UrlSigner } from './files/url-signer.js'
import { createNodeFactory } from './graphql/nodes/node-factory.js'
import { corsPolicy, type CorsOrigin } from './http/cors.js'
import { createHandler } from './http/create-handler.js'
import { createLogger, type LogLevel } from './http/logger.js'
import { DEFAULT_LIMITS, type Limits, type ServerState } from './http/server-state.js'
import { seedDemo } from './seed/demo-seed.js'
import { AutoIndexer } from './store/auto-index.js'
import { bulkInsertRuns, type BulkRun } from './store/bulk-insert.js'
import { openDatabase } from './store/open-database.js'
import { seedOrganization, type NewOrganizationOptions } from './seed/seed-organization.js'
import { ensureEntity, ensureUser, getMeta, setMeta } from './store/users.js'
import { randomApiKey } from './util/random-id.js'

export type { BulkRun, NewOrganizationOptions }

/** Options of {@link startServer}; every field is optional. */
export interface ServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number
  /** Interface to bind (default `127.0.0.1`). */
  readonly host?: string
  /** SQLite file; default `':memory:'`. A file survives restarts (WAL, synchronous=FULL). */
  readonly dbPath?: string
  /** Key of the default user `local`; generated (`local-` + 40 chars) when absent. */
  readonly apiKey?: string
  /** `'demo'` fills the database with demo projects and runs (once per database). */
  readonly seed?: 'demo' | false
  /** Fault injection for reliability tests; change it later with `setFaults`. */
  readonly faults?: FaultPlan
  /** Request logging to stderr (default `'silent'`). */
  readonly logLevel?: LogLevel
  /** Body size limits (defaults: GraphQL 10 MiB, file_stream 16 MiB, uploads 512 MiB). */
  readonly limits?: Partial<Limits>
  /**
   * Unexported history rows at which a running run is exported to Parquet (default 100,000).
   * Ended runs are always exported in full.
   */
  readonly parquetExportRows?: number
  /**
   * Origins whose pages may call the server (CORS): `'*'` (default: any; no cookies are used,
   * the key travels in `Authorization`), one origin, a list, or `false` for no CORS headers.
   */
  readonly corsOrigin?: CorsOrigin
  /**
   * A directory of built dashboard files (`index.html`, `app.js`, …) to serve at `/`; the
   * `wandb-rx` package ships one (`wandb-rx serve` passes it). Default: none.
   */
  readonly dashboard?: string
}

export interface NewUserOptions {
  readonly username: string
  /** Generated when absent. */
  readonly apiKey?: string
  readonly email?: string
  readonly admin?: boolean
  /** Team entities the user joins (created when missing). */
  readonly teams?: readonly string[]
}

export interface CreatedUser {
  readonly username: string
  readonly apiKey: string
  /** The user's personal entity (same as the username). */
  readonly entity: string
}

/** A started server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:53211` (no trailing slash): give it to `new Api({ baseUrl })`. */
  readonly url: string
  /** API key of the default user. */
  readonly apiKey: string
  /** Entity of the default user: `local`. */
  readonly entity: string
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>
  /**
   * Adds a user (with its own entity) or another key for an existing one; for permission tests.
   *
   * @example const bob = srv.createUser({ username: 'bob' }) // { username: 'bob', entity: 'bob', apiKey: 'local-…' }
   */
  createUser(options: NewUserOptions): CreatedUser
  /**
   * Replaces the fault plan (undefined turns faults off) and restarts its request counters.
   *
   * @example srv.setFaults({ paths: ['/graphql'], schedule: [{ request: 1, kind: '503' }] })
   */
  setFaults(plan?: FaultPlan): void
  /**
   * Bulk-inserts runs straight into the store in one transaction, bypassing the protocol. Only
   * for benchmark setup (100k runs in seconds); everything else should use the W&B protocol.
   *
   * @example srv.bulkInsertRuns('local', 'bench', [{ name: 'r1', config: { lr: 0.1 }, summary: { loss: 0.2 } }])
   */
  bulkInsertRuns(entity: string, project: string, runs: readonly BulkRun[]): void
  /**
   * Creates an organization (W&B has no public API for that) with its org entity, where
   * registries live as `wandb-registry-*` projects; members join both. Idempotent.
   *
   * @example srv.createOrganization({ name: 'acme', members: ['local', 'bob'] }) // { name: 'acme', entity: 'acme' }
   */
  createOrganization(options: NewOrganizationOptions): { readonly name: string; readonly entity: string }
}

export const DEFAULT_ENTITY = 'local'
const DEFAULT_EXPORT_ROWS = 100_000

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

/**
 * Starts a W&B-compatible server: `POST /graphql`, `POST /files/{e}/{p}/{run}/file_stream`,
 * signed file upload/download URLs, all stored in SQLite.
 *
 * @example
 * const srv = await startServer({ port: 0, seed: 'demo' })
 * const res = await fetch(`${srv.url}/graphql`, {
 *   method: 'POST',
 *   headers: { authorization: `Basic ${btoa(`api:${srv.apiKey}`)}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ query: '{ viewer { entity } }' }),
 * })
 * // await res.json() → { data: { viewer: { entity: 'local' } } }
 * await srv.close()
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const db = openDatabase(options.dbPath ?? ':memory:')
  const apiKey = options.apiKey ?? randomApiKey()
  ensureUser(db, { username: DEFAULT_ENTITY, apiKey, admin: true })
  let secret = getMeta(db, 'url_secret')
  if (!secret) setMeta(db, 'url_secret', (secret = randomBytes(32).toString('base64url')))
  const faults = new FaultInjector(options.faults)
  const state: ServerState = {
    db,
    indexer: new AutoIndexer(db),
    signer: new UrlSigner(secret),
    faults,
    logger: createLogger(options.logLevel ?? 'silent'),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    cors: corsPolicy(options.corsOrigin ?? '*'),
    dashboard: options.dashboard,
    nodes: createNodeFactory,
  }
  const exporter = new HistoryExporter(db, state.logger, options.parquetExportRows ?? DEFAULT_EXPORT_ROWS)
  exporter.start()
  const server = createServer(createHandler(state))
  server.keepAliveTimeout = 5000
  let address: AddressInfo
  try {
    address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  } catch (error) {
    await exporter.close()
    db.close()
    throw error
  }
  const wildcard = address.address === '0.0.0.0' || address.address === '::'
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  const running: RunningServer = {
    url,
    apiKey,
    entity: DEFAULT_ENTITY,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          void exporter.close().finally(() => {
            if (db.open) db.close()
            if (error) reject(error)
            else resolve()
          })
        })
        server.closeAllConnections()
      }),
    createUser(user) {
      const key = user.apiKey ?? randomApiKey()
      const row = ensureUser(db, { ...user, apiKey: key })
      for (const team of user.teams ?? []) ensureEntity(db, team, true, row.id)
      return { username: row.username, apiKey: key, entity: row.username }
    },
    setFaults: (plan) => faults.set(plan),
    bulkInsertRuns: (entity, project, runs) => bulkInsertRuns(db, entity, project, runs),
    createOrganization: (org) => seedOrganization(db, org),
  }
  if (options.seed === 'demo') {
    try {
      await seedDemo(running)
    } catch (error) {
      await running.close()
      throw error
    }
  }
  return running
}

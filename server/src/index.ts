/**
 * wandb-rx-server: a W&B-compatible local server (GraphQL + file_stream over SQLite).
 *
 * @example
 * import { startServer } from 'wandb-rx-server'
 * const srv = await startServer({ seed: 'demo' })
 * // srv.url → 'http://127.0.0.1:53211', srv.entity → 'local', srv.apiKey → 'local-…'
 * await srv.close()
 */
export { startServer } from './start-server.js'
export type { ServerOptions, RunningServer, NewUserOptions, CreatedUser, BulkRun } from './start-server.js'
export type { FaultPlan, FaultRule, FaultKind, ScheduledFault } from './faults/fault-plan.js'
export { FAULT_KINDS } from './faults/fault-plan.js'
export type { LogLevel } from './http/logger.js'
export type { CorsOrigin } from './http/cors.js'
export { DEMO } from './seed/demo-layout.js'
export { parseExtendedJson, stringifyExtended } from './util/extended-json.js'
export { logArtifact, manifestDigest } from './seed/log-artifact.js'
export type { LogArtifactOptions, LoggedArtifact } from './seed/log-artifact.js'
export type { NewOrganizationOptions } from './seed/seed-organization.js'

import type { UrlSigner } from '../files/url-signer.js'
import type { AutoIndexer } from '../store/auto-index.js'
import type { Db } from '../store/open-database.js'
import type { EntityRow, FileRow, ProjectRow, RunRow, SweepRow, UserRow } from '../store/rows.js'

/**
 * Builds resolver objects for rows. Node classes reach each other only through this factory,
 * which keeps the module graph acyclic (Project.runs → Run, Run.project → Project).
 */
export interface NodeFactory {
  user(row: UserRow): object
  entity(row: EntityRow): object
  project(row: ProjectRow): object
  run(row: RunRow, project: ProjectRow): object
  sweep(row: SweepRow, project: ProjectRow): object
  file(row: FileRow, run: RunRow, project: ProjectRow): object
}

/** Per-request GraphQL context: the store, the authenticated user and URL helpers. */
export interface GraphqlContext {
  readonly db: Db
  readonly indexer: AutoIndexer
  readonly viewer: UserRow
  /** Public base URL of this server, no trailing slash. */
  readonly baseUrl: string
  readonly signer: UrlSigner
  readonly nodes: NodeFactory
}

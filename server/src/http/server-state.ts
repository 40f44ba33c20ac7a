import type { FaultInjector } from '../faults/fault-injector.js'
import type { UrlSigner } from '../files/url-signer.js'
import type { GraphqlContext, NodeFactory } from '../graphql/context.js'
import type { AutoIndexer } from '../store/auto-index.js'
import type { Db } from '../store/open-database.js'
import type { CorsPolicy } from './cors.js'
import type { Logger } from './logger.js'

/** Body size limits in bytes (larger requests get 413). */
export interface Limits {
  readonly graphqlBytes: number
  readonly fileStreamBytes: number
  readonly uploadBytes: number
}

export const DEFAULT_LIMITS: Limits = {
  graphqlBytes: 10 * 1024 * 1024,
  // A writer request is ~10 MiB at most (PROTOCOL §9); leave room for JSON escaping.
  fileStreamBytes: 16 * 1024 * 1024,
  uploadBytes: 512 * 1024 * 1024,
}

/** Everything a request handler needs, shared by all requests of one server. */
export interface ServerState {
  readonly db: Db
  readonly indexer: AutoIndexer
  readonly signer: UrlSigner
  readonly faults: FaultInjector
  readonly logger: Logger
  readonly limits: Limits
  readonly cors: CorsPolicy
  /** The directory of the built dashboard served at `/`, if any. */
  readonly dashboard: string | undefined
  readonly nodes: (getContext: () => GraphqlContext) => NodeFactory
}

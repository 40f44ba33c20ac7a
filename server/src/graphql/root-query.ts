import { findEntity } from '../store/users.js'
import { entityOrDefault, readableProject } from './access.js'
import type { GraphqlContext } from './context.js'
import { projectConnection } from './nodes/entity-node.js'
import { pageInfo } from './nodes/page-info.js'

export const SERVER_VERSION = '0.1.0'

/**
 * Capability flags (`serverInfo.features`); clients probe them before using optional paths.
 * Listed: what this server implements among the flags wandb 0.30 (Python and wandb-core) reads.
 * Absent flags are off: EXPAND_DEFINED_METRIC_GLOBS and STRUCTURED_CONSOLE_LOGS (the server
 * does not expand globs or parse structured logs), CLIENT_IDS (no `clientIDMapping`),
 * ARTIFACT_DIGEST_ALGORITHM (with it wandb-core uploads in storage layout V2, not served here),
 * TOTAL_COUNT_IN_FILE_CONNECTION, SWEEPS_QUERY_FILTERING, SWEEPS_LOCAL_SCHEDULER,
 * INCLUDE_ARTIFACT_TYPES_IN_REGISTRY_CREATION, artifact storage layout V2 and automations.
 */
const FEATURES = [
  { name: 'FILESTREAM_GZIP', description: 'file_stream accepts Content-Encoding: gzip', isEnabled: true },
  { name: 'MARK_RUN_FILES_UPLOADED', description: 'markRunFilesUploaded mutation', isEnabled: true },
  { name: 'LARGE_FILENAMES', description: 'file names over 128 characters', isEnabled: true },
  { name: 'ARTIFACT_TAGS', description: 'tags on artifact versions and collections', isEnabled: true },
  { name: 'ARTIFACT_REGISTRY_SEARCH', description: 'registry search over org entities', isEnabled: true },
  {
    name: 'ARTIFACT_COLLECTIONS_FILTERING_SORTING',
    description: 'artifactCollections(filters, order)',
    isEnabled: true,
  },
  {
    name: 'ARTIFACT_MEMBERSHIP_IN_LINK_ARTIFACT_RESPONSE',
    description: 'linkArtifact returns the new membership',
    isEnabled: true,
  },
  {
    name: 'USE_ARTIFACT_WITH_ENTITY_AND_PROJECT_INFORMATION',
    description: 'useArtifact accepts artifactEntityName / artifactProjectName',
    isEnabled: true,
  },
]

type Args = Record<string, unknown>
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const int = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/** Root `Query` resolvers. */
export const rootQuery = {
  viewer: (_: Args, ctx: GraphqlContext) => ctx.nodes.user(ctx.viewer),
  serverInfo: (_: Args, ctx: GraphqlContext) => ({
    cliVersionInfo: {},
    latestLocalVersionInfo: {
      outOfDate: false,
      latestVersionString: SERVER_VERSION,
      versionOnThisInstanceString: SERVER_VERSION,
    },
    features: FEATURES,
    frontendHost: ctx.baseUrl,
    pollingOK: true,
  }),
  project: (args: Args, ctx: GraphqlContext) => {
    const project = readableProject(ctx, str(args.entityName), str(args.name))
    return project ? ctx.nodes.project(project) : null
  },
  model: (args: Args, ctx: GraphqlContext) => rootQuery.project(args, ctx),
  models: (args: Args, ctx: GraphqlContext) => {
    const entity = findEntity(ctx.db, entityOrDefault(ctx, str(args.entityName)))
    if (!entity) return { edges: [], pageInfo: pageInfo([], false, false) }
    return projectConnection(ctx, entity.id, int(args.first), str(args.after))
  },
  projects: (args: Args, ctx: GraphqlContext) => rootQuery.models(args, ctx),
  entity: (args: Args, ctx: GraphqlContext) => {
    const entity = findEntity(ctx.db, entityOrDefault(ctx, str(args.name)))
    return entity ? ctx.nodes.entity(entity) : null
  },
}

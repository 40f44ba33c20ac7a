import {
  addMembership,
  aliasesOf,
  ensureArtifactType,
  ensureCollection,
  findArtifactTypeById,
  findCollectionById,
} from '../../store/artifacts.js'
import type { CollectionRow } from '../../store/artifact-rows.js'
import type { GraphqlContext } from '../context.js'
import { notFound, userError } from '../errors.js'
import { writableProject } from '../mutations/upsert-bucket.js'
import { assertWritable } from '../access.js'
import { findProjectById } from '../../store/projects.js'
import { readableArtifact, rowIdOf } from './artifact-access.js'
import { artifactNodes } from './create-artifact-nodes.js'
import { encodeId } from '../../util/opaque-id.js'

interface LinkArtifactInput {
  readonly clientMutationId?: string | null
  readonly artifactID?: string | null
  readonly artifactPortfolioID?: string | null
  readonly artifactPortfolioName?: string | null
  readonly entityName?: string | null
  readonly projectName?: string | null
  readonly aliases?: readonly { artifactCollectionName: string; alias: string }[] | null
}

/**
 * `linkArtifact`: adds a committed version to a portfolio (created on first link, with the
 * version's type), e.g. a registry collection in a `wandb-registry-*` project of an org entity.
 */
export function linkArtifact(_: unknown, args: { input: LinkArtifactInput }, ctx: GraphqlContext): unknown {
  const { input } = args
  const found = readableArtifact(ctx, input.artifactID)
  if (!found) throw notFound(`artifact ${input.artifactID ?? '(no artifactID)'}`)
  if (found.artifact.state !== 'COMMITTED') throw userError('only committed artifacts can be linked')
  const result = ctx.db.transaction(() => {
    let portfolio: CollectionRow | undefined
    if (input.artifactPortfolioID) {
      const id = rowIdOf('ArtifactCollection', input.artifactPortfolioID)
      portfolio = id === undefined ? undefined : findCollectionById(ctx.db, id)
      const project = portfolio && findProjectById(ctx.db, portfolio.project_id)
      if (!portfolio || !project) throw notFound(`artifact portfolio ${input.artifactPortfolioID}`)
      assertWritable(ctx, project)
    } else {
      if (!input.artifactPortfolioName || !input.entityName || !input.projectName) {
        throw userError(
          'linkArtifact needs artifactPortfolioID, or artifactPortfolioName with entityName and projectName',
        )
      }
      const project = writableProject(ctx, input.entityName, input.projectName)
      const typeName = findArtifactTypeById(ctx.db, found.artifact.type_id)?.name ?? 'unknown'
      const type = ensureArtifactType(ctx.db, project.id, typeName)
      portfolio = ensureCollection(ctx.db, project.id, type.id, input.artifactPortfolioName, 'PORTFOLIO')
    }
    if (portfolio.kind !== 'PORTFOLIO') throw userError(`${portfolio.name} is a sequence, not a portfolio`)
    const aliases = (input.aliases ?? [])
      .filter((a) => !a.artifactCollectionName || a.artifactCollectionName === portfolio.name)
      .map((a) => a.alias)
    const membership = addMembership(ctx.db, portfolio.id, found.artifact.id, ['latest', ...aliases])
    return { portfolio, membership }
  })()
  const nodes = artifactNodes(ctx)
  return {
    clientMutationId: input.clientMutationId ?? null,
    artifactCollectionID: encodeId('ArtifactCollection', result.portfolio.id),
    artifactID: encodeId('Artifact', found.artifact.id),
    createdAt: result.membership.created_at,
    versionIndex: result.membership.version_index,
    aliases: aliasesOf(ctx.db, result.portfolio.id, found.artifact.id).map((a) => nodes.alias(a)),
    artifactMembership: nodes.membership(result.membership),
  }
}

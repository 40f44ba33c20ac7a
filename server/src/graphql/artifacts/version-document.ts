import type { ArtifactRow, MembershipRow } from '../../store/artifact-rows.js'
import { aliasesOf, artifactTags } from '../../store/artifacts.js'
import type { Db } from '../../store/open-database.js'
import { encodeId } from '../../util/opaque-id.js'

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

/**
 * The document a version filter sees: W&B's field names for artifact versions (`alias`, `tag`,
 * `version`, `metadata.<key>`, `created_at`, ...) plus their camelCase and plural spellings.
 */
export function versionDocument(
  db: Db,
  membership: MembershipRow,
  artifact: ArtifactRow,
): Record<string, unknown> {
  const aliases = aliasesOf(db, membership.collection_id, artifact.id).map((a) => a.alias)
  const tags = artifactTags(db, artifact.id)
  return {
    id: encodeId('Artifact', artifact.id),
    artifact_id: artifact.id,
    state: artifact.state,
    version: `v${membership.version_index}`,
    versionIndex: membership.version_index,
    version_index: membership.version_index,
    alias: aliases,
    aliases,
    tag: tags,
    tags,
    metadata: parseObject(artifact.metadata),
    digest: artifact.digest,
    size: artifact.size,
    artifact_size: artifact.size,
    created_at: membership.created_at,
    createdAt: membership.created_at,
    artifact_created_at: artifact.created_at,
    updated_at: artifact.updated_at,
    updatedAt: artifact.updated_at,
  }
}

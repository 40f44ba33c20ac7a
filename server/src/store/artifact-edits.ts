import { nowIso } from '../util/clock.js'
import { addMembership, allAliasesOf, findMembershipByArtifact, membershipsOfArtifact } from './artifacts.js'
import type { Db } from './open-database.js'
import { sql } from './statements.js'

/** Fields of an artifact version that `updateArtifact` changes; `undefined` leaves one as is. */
export interface ArtifactEdit {
  readonly description?: string | null
  readonly metadata?: string
  /** `null` inherits the collection's TTL. */
  readonly ttlDurationSeconds?: number | null
}

export function editArtifact(db: Db, artifactId: number, edit: ArtifactEdit): void {
  const sets: string[] = []
  const params: unknown[] = []
  for (const [column, value] of [
    ['description', edit.description],
    ['metadata', edit.metadata],
    ['ttl_duration_seconds', edit.ttlDurationSeconds],
  ] as const) {
    if (value === undefined) continue
    sets.push(`${column} = ?`)
    params.push(value)
  }
  sets.push('updated_at = ?')
  sql(db, `UPDATE artifacts SET ${sets.join(', ')} WHERE id = ?`).run(...params, nowIso(), artifactId)
}

export function removeArtifactTags(db: Db, artifactId: number, tags: readonly string[]): void {
  for (const tag of tags) {
    sql(db, 'DELETE FROM artifact_tags WHERE artifact_id = ? AND name = ?').run(artifactId, tag)
  }
}

export function removeCollectionTags(db: Db, collectionId: number, tags: readonly string[]): void {
  for (const tag of tags) {
    sql(db, 'DELETE FROM artifact_collection_tags WHERE collection_id = ? AND name = ?').run(
      collectionId,
      tag,
    )
  }
}

/** Points `alias` of a collection at the artifact (moving it off another version). */
export function setAlias(db: Db, collectionId: number, artifactId: number, alias: string): void {
  addMembership(db, collectionId, artifactId, [alias])
}

export function removeAlias(db: Db, collectionId: number, artifactId: number, alias: string): void {
  sql(db, 'DELETE FROM artifact_aliases WHERE collection_id = ? AND artifact_id = ? AND alias = ?').run(
    collectionId,
    artifactId,
    alias,
  )
}

/** Aliases of the artifact a user set (everything but the automatic `latest`). */
export function userAliasesOf(db: Db, artifactId: number): string[] {
  return allAliasesOf(db, artifactId)
    .map((a) => a.alias)
    .filter((a) => a !== 'latest')
}

/**
 * Deletes a version (soft: its row stays as `DELETED`, as W&B keeps deleted versions by id):
 * it leaves every collection it belongs to, with its aliases, and `latest` moves to the newest
 * remaining version. Version indexes of the others do not change. Its file bytes are kept,
 * since other versions' manifests may point at the same content by digest.
 */
export function softDeleteArtifact(db: Db, artifactId: number): void {
  for (const membership of membershipsOfArtifact(db, artifactId)) {
    removeMembership(db, membership.collection_id, artifactId)
  }
  sql(db, `UPDATE artifacts SET state = 'DELETED', updated_at = ? WHERE id = ?`).run(nowIso(), artifactId)
}

/** Takes an artifact out of one collection (unlink, or part of a delete) and re-homes `latest`. */
export function removeMembership(db: Db, collectionId: number, artifactId: number): boolean {
  if (!findMembershipByArtifact(db, collectionId, artifactId)) return false
  const hadLatest = sql<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM artifact_aliases WHERE collection_id = ? AND artifact_id = ? AND alias = 'latest'`,
  ).get(collectionId, artifactId)?.n
  sql(db, 'DELETE FROM artifact_aliases WHERE collection_id = ? AND artifact_id = ?').run(
    collectionId,
    artifactId,
  )
  sql(db, 'DELETE FROM artifact_memberships WHERE collection_id = ? AND artifact_id = ?').run(
    collectionId,
    artifactId,
  )
  const newest = sql<{ artifact_id: number }>(
    db,
    'SELECT artifact_id FROM artifact_memberships WHERE collection_id = ? ORDER BY version_index DESC LIMIT 1',
  ).get(collectionId)
  if (hadLatest && newest) setAlias(db, collectionId, newest.artifact_id, 'latest')
  sql(db, 'UPDATE artifact_collections SET updated_at = ? WHERE id = ?').run(nowIso(), collectionId)
  return true
}

/** Renames and/or re-describes a collection; `undefined` leaves a field as is. */
export function editCollection(
  db: Db,
  collectionId: number,
  edit: { readonly name?: string; readonly description?: string | null },
): void {
  sql(
    db,
    `UPDATE artifact_collections SET name = coalesce(?, name),
       description = CASE WHEN ? THEN ? ELSE description END, updated_at = ? WHERE id = ?`,
  ).run(
    edit.name ?? null,
    edit.description === undefined ? 0 : 1,
    edit.description ?? null,
    nowIso(),
    collectionId,
  )
}

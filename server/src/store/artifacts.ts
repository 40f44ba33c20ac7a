import { nowIso } from '../util/clock.js'
import type {
  AliasRow,
  ArtifactRow,
  ArtifactTypeRow,
  CollectionKind,
  CollectionRow,
  MembershipRow,
} from './artifact-rows.js'
import type { Db } from './open-database.js'
import { sql } from './statements.js'

// Artifact types, collections, versions, memberships and aliases. Access checks are the
// caller's (the GraphQL layer), like the rest of the store.

export function findArtifactType(db: Db, projectId: number, name: string): ArtifactTypeRow | undefined {
  return sql<ArtifactTypeRow>(db, 'SELECT * FROM artifact_types WHERE project_id = ? AND name = ?').get(
    projectId,
    name,
  )
}

export function findArtifactTypeById(db: Db, id: number): ArtifactTypeRow | undefined {
  return sql<ArtifactTypeRow>(db, 'SELECT * FROM artifact_types WHERE id = ?').get(id)
}

export function ensureArtifactType(db: Db, projectId: number, name: string): ArtifactTypeRow {
  sql(db, 'INSERT OR IGNORE INTO artifact_types (project_id, name, created_at) VALUES (?, ?, ?)').run(
    projectId,
    name,
    nowIso(),
  )
  return findArtifactType(db, projectId, name) as ArtifactTypeRow
}

/** Types of a project in creation order, keyset-paged by id. */
export function listArtifactTypes(
  db: Db,
  projectId: number,
  afterId: number,
  limit: number,
): ArtifactTypeRow[] {
  return sql<ArtifactTypeRow>(
    db,
    'SELECT * FROM artifact_types WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?',
  ).all(projectId, afterId, limit)
}

export function findCollection(db: Db, projectId: number, name: string): CollectionRow | undefined {
  return sql<CollectionRow>(db, 'SELECT * FROM artifact_collections WHERE project_id = ? AND name = ?').get(
    projectId,
    name,
  )
}

export function findCollectionById(db: Db, id: number): CollectionRow | undefined {
  return sql<CollectionRow>(db, 'SELECT * FROM artifact_collections WHERE id = ?').get(id)
}

/** Creates the collection if missing; an existing one keeps its kind and type. */
export function ensureCollection(
  db: Db,
  projectId: number,
  typeId: number,
  name: string,
  kind: CollectionKind,
  description?: string | null,
): CollectionRow {
  const now = nowIso()
  sql(
    db,
    `INSERT OR IGNORE INTO artifact_collections (project_id, type_id, name, kind, description, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(projectId, typeId, name, kind, description ?? null, now, now)
  return findCollection(db, projectId, name) as CollectionRow
}

/** Collections of some projects (and optionally one type / some kinds), keyset-paged by id. */
export function listCollections(
  db: Db,
  where: {
    readonly projectIds: readonly number[]
    readonly typeId?: number
    readonly kinds?: readonly CollectionKind[]
  },
): CollectionRow[] {
  if (where.projectIds.length === 0) return []
  const parts = [`project_id IN (${where.projectIds.map(() => '?').join(', ')})`]
  const params: unknown[] = [...where.projectIds]
  if (where.typeId !== undefined) {
    parts.push('type_id = ?')
    params.push(where.typeId)
  }
  if (where.kinds && where.kinds.length > 0) {
    parts.push(`kind IN (${where.kinds.map(() => '?').join(', ')})`)
    params.push(...where.kinds)
  }
  return sql<CollectionRow>(
    db,
    `SELECT * FROM artifact_collections WHERE ${parts.join(' AND ')} ORDER BY id`,
  ).all(...params)
}

export function collectionTags(db: Db, collectionId: number): string[] {
  return sql<{ name: string }>(
    db,
    'SELECT name FROM artifact_collection_tags WHERE collection_id = ? ORDER BY name',
  )
    .all(collectionId)
    .map((r) => r.name)
}

export function addCollectionTags(db: Db, collectionId: number, tags: readonly string[]): void {
  for (const tag of tags) {
    sql(db, 'INSERT OR IGNORE INTO artifact_collection_tags (collection_id, name) VALUES (?, ?)').run(
      collectionId,
      tag,
    )
  }
}

export interface NewArtifact {
  readonly sequenceId: number
  readonly typeId: number
  readonly digest: string
  readonly description?: string | null
  readonly metadata?: string | null
  readonly clientId?: string | null
  readonly sequenceClientId?: string | null
  readonly historyStep?: number | null
  readonly ttlDurationSeconds?: number | null
  readonly aliases?: readonly string[]
  readonly runId?: number | null
}

export function createArtifact(db: Db, a: NewArtifact): ArtifactRow {
  const now = nowIso()
  const id = Number(
    sql(
      db,
      `INSERT INTO artifacts (sequence_id, type_id, digest, description, metadata, client_id, sequence_client_id,
         history_step, ttl_duration_seconds, pending_aliases, created_by_run_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.sequenceId,
      a.typeId,
      a.digest,
      a.description ?? null,
      a.metadata || '{}',
      a.clientId ?? null,
      a.sequenceClientId ?? null,
      a.historyStep ?? null,
      a.ttlDurationSeconds ?? null,
      JSON.stringify(a.aliases ?? []),
      a.runId ?? null,
      now,
      now,
    ).lastInsertRowid,
  )
  return findArtifactById(db, id) as ArtifactRow
}

export function findArtifactById(db: Db, id: number): ArtifactRow | undefined {
  return sql<ArtifactRow>(db, 'SELECT * FROM artifacts WHERE id = ?').get(id)
}

/** A committed version of the sequence with this digest (W&B de-duplicates identical versions). */
export function findCommittedByDigest(db: Db, sequenceId: number, digest: string): ArtifactRow | undefined {
  return sql<ArtifactRow>(
    db,
    `SELECT * FROM artifacts WHERE sequence_id = ? AND digest = ? AND state = 'COMMITTED' ORDER BY id DESC LIMIT 1`,
  ).get(sequenceId, digest)
}

export function setArtifactTags(db: Db, artifactId: number, tags: readonly string[]): void {
  for (const tag of tags) {
    sql(db, 'INSERT OR IGNORE INTO artifact_tags (artifact_id, name) VALUES (?, ?)').run(artifactId, tag)
  }
}

export function artifactTags(db: Db, artifactId: number): string[] {
  return sql<{ name: string }>(db, 'SELECT name FROM artifact_tags WHERE artifact_id = ? ORDER BY name')
    .all(artifactId)
    .map((r) => r.name)
}

/**
 * Commits a pending artifact: it becomes the next version of its sequence (`v{n}`), takes the
 * aliases it was created with plus `latest`, and records its size and file count.
 */
export function commitArtifact(
  db: Db,
  artifactId: number,
  stats: { size: number; fileCount: number },
): ArtifactRow {
  return db.transaction(() => {
    const artifact = findArtifactById(db, artifactId) as ArtifactRow
    if (artifact.state !== 'COMMITTED') {
      sql(
        db,
        `UPDATE artifacts SET state = 'COMMITTED', size = ?, file_count = ?, updated_at = ? WHERE id = ?`,
      ).run(stats.size, stats.fileCount, nowIso(), artifactId)
      const aliases = JSON.parse(artifact.pending_aliases) as string[]
      addMembership(db, artifact.sequence_id, artifactId, ['latest', ...aliases])
    }
    return findArtifactById(db, artifactId) as ArtifactRow
  })()
}

/** Adds the artifact to a collection as its next version (or keeps its version) and moves aliases. */
export function addMembership(
  db: Db,
  collectionId: number,
  artifactId: number,
  aliases: readonly string[],
): MembershipRow {
  let membership = findMembershipByArtifact(db, collectionId, artifactId)
  if (!membership) {
    const next =
      sql<{ n: number | null }>(
        db,
        'SELECT max(version_index) AS n FROM artifact_memberships WHERE collection_id = ?',
      ).get(collectionId)?.n ?? -1
    sql(
      db,
      'INSERT INTO artifact_memberships (collection_id, artifact_id, version_index, created_at) VALUES (?, ?, ?, ?)',
    ).run(collectionId, artifactId, next + 1, nowIso())
    membership = findMembershipByArtifact(db, collectionId, artifactId) as MembershipRow
  }
  for (const alias of new Set(aliases)) {
    if (/^v\d+$/.test(alias)) continue // version names are not aliases
    sql(
      db,
      `INSERT INTO artifact_aliases (collection_id, artifact_id, alias) VALUES (?, ?, ?)
       ON CONFLICT (collection_id, alias) DO UPDATE SET artifact_id = excluded.artifact_id`,
    ).run(collectionId, artifactId, alias)
  }
  sql(db, 'UPDATE artifact_collections SET updated_at = ? WHERE id = ?').run(nowIso(), collectionId)
  return membership
}

export function findMembershipByArtifact(
  db: Db,
  collectionId: number,
  artifactId: number,
): MembershipRow | undefined {
  return sql<MembershipRow>(
    db,
    'SELECT * FROM artifact_memberships WHERE collection_id = ? AND artifact_id = ?',
  ).get(collectionId, artifactId)
}

export function findMembershipById(db: Db, id: number): MembershipRow | undefined {
  return sql<MembershipRow>(db, 'SELECT * FROM artifact_memberships WHERE id = ?').get(id)
}

/**
 * The version of a collection named by `aliasName`: an alias (`latest`, `best`), a version
 * (`v3`) or the artifact digest, as W&B's `artifactMembership(aliasName:)` accepts.
 */
export function findMembership(db: Db, collectionId: number, aliasName: string): MembershipRow | undefined {
  const version = /^v(\d+)$/.exec(aliasName)
  if (version) {
    return sql<MembershipRow>(
      db,
      'SELECT * FROM artifact_memberships WHERE collection_id = ? AND version_index = ?',
    ).get(collectionId, Number(version[1]))
  }
  const byAlias = sql<MembershipRow>(
    db,
    `SELECT m.* FROM artifact_aliases a JOIN artifact_memberships m
       ON m.collection_id = a.collection_id AND m.artifact_id = a.artifact_id
     WHERE a.collection_id = ? AND a.alias = ?`,
  ).get(collectionId, aliasName)
  if (byAlias) return byAlias
  return sql<MembershipRow>(
    db,
    `SELECT m.* FROM artifact_memberships m JOIN artifacts x ON x.id = m.artifact_id
     WHERE m.collection_id = ? AND x.digest = ? ORDER BY m.version_index DESC LIMIT 1`,
  ).get(collectionId, aliasName)
}

/** Memberships of some collections, by collection then version. */
export function listMemberships(db: Db, collectionIds: readonly number[]): MembershipRow[] {
  if (collectionIds.length === 0) return []
  return sql<MembershipRow>(
    db,
    `SELECT * FROM artifact_memberships WHERE collection_id IN (${collectionIds.map(() => '?').join(', ')})
     ORDER BY collection_id, version_index`,
  ).all(...collectionIds)
}

/** Memberships of one artifact in every collection it belongs to (its sequence first). */
export function membershipsOfArtifact(db: Db, artifactId: number): MembershipRow[] {
  return sql<MembershipRow>(db, 'SELECT * FROM artifact_memberships WHERE artifact_id = ? ORDER BY id').all(
    artifactId,
  )
}

export function aliasesOf(db: Db, collectionId: number, artifactId: number): AliasRow[] {
  return sql<AliasRow>(
    db,
    'SELECT * FROM artifact_aliases WHERE collection_id = ? AND artifact_id = ? ORDER BY id',
  ).all(collectionId, artifactId)
}

/** Every alias of an artifact across its collections. */
export function allAliasesOf(db: Db, artifactId: number): AliasRow[] {
  return sql<AliasRow>(db, 'SELECT * FROM artifact_aliases WHERE artifact_id = ? ORDER BY id').all(artifactId)
}

export function collectionAliases(db: Db, collectionId: number): AliasRow[] {
  return sql<AliasRow>(db, 'SELECT * FROM artifact_aliases WHERE collection_id = ? ORDER BY id').all(
    collectionId,
  )
}

/** Records that a run used an artifact (idempotent). */
export function recordUse(db: Db, runId: number, artifactId: number, usedAs: string | null): void {
  sql(
    db,
    'INSERT OR IGNORE INTO artifact_usage (run_id, artifact_id, used_as, created_at) VALUES (?, ?, ?, ?)',
  ).run(runId, artifactId, usedAs, nowIso())
}

/** Artifacts a run used, in the order it used them. */
export function inputArtifacts(db: Db, runId: number): (ArtifactRow & { used_as: string | null })[] {
  return sql<ArtifactRow & { used_as: string | null }>(
    db,
    `SELECT a.*, u.used_as FROM artifact_usage u JOIN artifacts a ON a.id = u.artifact_id
     WHERE u.run_id = ? ORDER BY u.created_at, a.id`,
  ).all(runId)
}

/** Committed artifacts a run logged, oldest first. */
export function outputArtifacts(db: Db, runId: number): ArtifactRow[] {
  return sql<ArtifactRow>(
    db,
    `SELECT * FROM artifacts WHERE created_by_run_id = ? AND state = 'COMMITTED' ORDER BY id`,
  ).all(runId)
}

/** Runs that used an artifact. */
export function usersOfArtifact(db: Db, artifactId: number): number[] {
  return sql<{ run_id: number }>(
    db,
    'SELECT run_id FROM artifact_usage WHERE artifact_id = ? ORDER BY created_at',
  )
    .all(artifactId)
    .map((r) => r.run_id)
}

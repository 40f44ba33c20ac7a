import { createHash } from 'node:crypto'
import { mimeType } from '../files/mime-type.js'
import { nowIso } from '../util/clock.js'
import type { BlobKind, BlobRow, ManifestRow } from './artifact-rows.js'
import type { Db } from './open-database.js'
import { sql } from './statements.js'

const COLUMNS = 'id, artifact_id, kind, name, md5, size_bytes, mimetype, created_at, updated_at'

/**
 * Registers a blob (an artifact file, or its manifest) for upload. `md5` is what the client
 * announced; the upload must match it, as S3 checks `Content-MD5`. Re-registering keeps the row.
 */
export function ensureBlob(
  db: Db,
  artifactId: number,
  kind: BlobKind,
  name: string,
  md5: string | null,
): BlobRow {
  const now = nowIso()
  sql(
    db,
    `INSERT INTO artifact_blobs (artifact_id, kind, name, md5, mimetype, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (artifact_id, kind, name) DO UPDATE SET md5 = coalesce(excluded.md5, md5), updated_at = excluded.updated_at`,
  ).run(artifactId, kind, name, md5, kind === 'manifest' ? 'application/json' : mimeType(name), now, now)
  return sql<BlobRow>(
    db,
    `SELECT ${COLUMNS} FROM artifact_blobs WHERE artifact_id = ? AND kind = ? AND name = ?`,
  ).get(artifactId, kind, name) as BlobRow
}

export function findBlobById(db: Db, id: number): BlobRow | undefined {
  return sql<BlobRow>(db, `SELECT ${COLUMNS} FROM artifact_blobs WHERE id = ?`).get(id)
}

/** Why an upload was refused, or undefined when it was stored. */
export function putBlobContent(db: Db, id: number, content: Buffer): string | undefined {
  const blob = findBlobById(db, id)
  if (!blob) return 'no such upload'
  const md5 = createHash('md5').update(content).digest('base64')
  if (blob.kind === 'file' && blob.md5 !== null && blob.md5 !== md5) {
    return `content MD5 ${md5} does not match the announced ${blob.md5}`
  }
  sql(db, 'UPDATE artifact_blobs SET content = ?, size_bytes = ?, md5 = ?, updated_at = ? WHERE id = ?').run(
    content,
    content.length,
    md5,
    nowIso(),
    id,
  )
  return undefined
}

export function blobContent(db: Db, id: number): Buffer | undefined {
  return (
    sql<{ content: Buffer | null }>(db, 'SELECT content FROM artifact_blobs WHERE id = ?').get(id)?.content ??
    undefined
  )
}

/** The uploaded file blob of an artifact by path. */
export function findFileBlob(db: Db, artifactId: number, name: string): BlobRow | undefined {
  return sql<BlobRow>(
    db,
    `SELECT ${COLUMNS} FROM artifact_blobs WHERE artifact_id = ? AND kind = 'file' AND name = ? AND content IS NOT NULL`,
  ).get(artifactId, name)
}

/** Any uploaded file blob with this digest: lets a version reuse bytes an earlier one uploaded. */
export function findBlobByMd5(db: Db, md5: string): BlobRow | undefined {
  return sql<BlobRow>(
    db,
    `SELECT ${COLUMNS} FROM artifact_blobs WHERE md5 = ? AND kind = 'file' AND content IS NOT NULL ORDER BY id LIMIT 1`,
  ).get(md5)
}

export function setManifest(
  db: Db,
  artifactId: number,
  blobId: number,
  digest: string,
  type: string,
): ManifestRow {
  sql(
    db,
    `INSERT INTO artifact_manifests (artifact_id, blob_id, digest, type, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (artifact_id) DO UPDATE SET blob_id = excluded.blob_id, digest = excluded.digest, type = excluded.type`,
  ).run(artifactId, blobId, digest, type, nowIso())
  return findManifest(db, artifactId) as ManifestRow
}

export function findManifest(db: Db, artifactId: number): ManifestRow | undefined {
  return sql<ManifestRow>(db, 'SELECT * FROM artifact_manifests WHERE artifact_id = ?').get(artifactId)
}

export function findManifestById(db: Db, id: number): ManifestRow | undefined {
  return sql<ManifestRow>(db, 'SELECT * FROM artifact_manifests WHERE id = ?').get(id)
}

/** One entry of a stored manifest's `contents`. */
export interface ManifestEntry {
  readonly path: string
  readonly digest: string
  readonly size: number
  readonly ref?: string
  readonly birthArtifactID?: string
}

/** The entries of an artifact's uploaded manifest, sorted by path (empty when none uploaded). */
export function manifestEntries(db: Db, artifactId: number): ManifestEntry[] {
  const manifest = findManifest(db, artifactId)
  const content = manifest && blobContent(db, manifest.blob_id)
  if (!content) return []
  let parsed: {
    contents?: Record<string, { digest?: unknown; size?: unknown; ref?: unknown; birthArtifactID?: unknown }>
  }
  try {
    parsed = JSON.parse(content.toString('utf8')) as typeof parsed
  } catch {
    return []
  }
  return Object.entries(parsed.contents ?? {})
    .map(([path, e]) => ({
      path,
      digest: String(e.digest ?? ''),
      size: typeof e.size === 'number' ? e.size : 0,
      ...(typeof e.ref === 'string' ? { ref: e.ref } : {}),
      ...(typeof e.birthArtifactID === 'string' ? { birthArtifactID: e.birthArtifactID } : {}),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

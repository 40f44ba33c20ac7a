import { findBlobByMd5, findFileBlob, type ManifestEntry } from '../../store/artifact-blobs.js'
import type { ArtifactRow, BlobRow } from '../../store/artifact-rows.js'
import { decodeId } from '../../util/opaque-id.js'
import type { ArtifactNodes } from './artifact-nodes.js'
import { connectionOf } from './connection.js'

/**
 * The bytes behind a manifest entry: uploaded with this version, with the version that first
 * logged them (`birthArtifactID`), or by any version with the same digest (W&B stores files
 * content-addressed, so a new version re-uploads nothing it already has).
 */
export function blobForEntry(
  nodes: ArtifactNodes,
  artifact: ArtifactRow,
  entry: ManifestEntry,
): BlobRow | undefined {
  const { db } = nodes.ctx
  const own = findFileBlob(db, artifact.id, entry.path)
  if (own) return own
  const birth = entry.birthArtifactID ? Number(decodeId('Artifact', entry.birthArtifactID)?.[0]) : NaN
  if (Number.isSafeInteger(birth)) {
    const born = findFileBlob(db, birth, entry.path)
    if (born) return born
  }
  return entry.digest ? findBlobByMd5(db, entry.digest) : undefined
}

/** `files(names, after, first)` of an artifact: its stored manifest entries, by path. */
export function artifactFileConnection(
  nodes: ArtifactNodes,
  artifact: ArtifactRow,
  entries: readonly ManifestEntry[],
  args: { names?: readonly string[] | null; first?: number | null; after?: string | null },
): unknown {
  const names = args.names && args.names.length > 0 ? new Set(args.names) : undefined
  const files = entries
    .filter((e) => e.ref === undefined && (!names || names.has(e.path)))
    .map((entry) => ({ entry, blob: blobForEntry(nodes, artifact, entry) }))
    .filter((f): f is { entry: ManifestEntry; blob: BlobRow } => f.blob !== undefined)
  const connection = connectionOf(
    files,
    args,
    (f) => f.entry.path,
    (f, cursor) => ({ node: nodes.file(f.blob, f.entry.path), cursor }),
    { first: 50, max: 10_000 },
  )
  return { ...connection, uploadHeaders: [] }
}

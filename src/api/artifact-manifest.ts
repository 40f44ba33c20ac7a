import type { ArtifactManifestCodec } from '../codecs/artifact-manifest-codec.js'

/**
 * One file of a manifest: its path inside the artifact, base64 MD5 and size.
 *
 * @example
 * ```ts
 * const e: ManifestEntry = { path: 'train.csv', digest: 'rL0Y20zC+Fzt72VPzMSk2A==', size: 88 }
 * ```
 */
export interface ManifestEntry {
  readonly path: string
  /** Base64 MD5 of the content (for references: the reference's own digest, e.g. an ETag). */
  readonly digest: string
  readonly size: number
  /** Set for reference entries (`s3://…`, `https://…`): the bytes live elsewhere. */
  readonly ref?: string
  /** The artifact that first uploaded these bytes. */
  readonly birthArtifactId?: string
  readonly extra?: Readonly<Record<string, unknown>>
}

/**
 * An artifact's manifest (`wandb_manifest.json`): what files it holds and their digests. Plain,
 * frozen data; `entries` are sorted by path (the order the artifact digest is computed in).
 *
 * @example
 * ```ts
 * const m = await artifact.manifest()
 * m.entries.map((e) => `${e.path} ${e.size}`) // ['images/0.png 4120', 'labels.csv 88']
 * ```
 */
export interface ArtifactManifest {
  readonly version: number
  readonly storagePolicy: string | null
  readonly storagePolicyConfig: Readonly<Record<string, unknown>>
  readonly entries: readonly ManifestEntry[]
}

/**
 * The user-facing manifest from its decoded JSON.
 *
 * @example
 * ```ts
 * toArtifactManifest({ version: 1, contents: { 'a.txt': { digest: 'XUFAKrxLKna5cZ2REBfFkg==', size: 5 } } }).entries[0]?.path // 'a.txt'
 * ```
 */
export function toArtifactManifest(raw: ArtifactManifestCodec): ArtifactManifest {
  const entries = Object.entries(raw.contents)
    .map(([path, e]) =>
      Object.freeze({
        path,
        digest: e.digest,
        size: e.size ?? 0,
        ...(e.ref ? { ref: e.ref } : {}),
        ...(e.birthArtifactID ? { birthArtifactId: e.birthArtifactID } : {}),
        ...(e.extra ? { extra: e.extra } : {}),
      }),
    )
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return Object.freeze({
    version: raw.version,
    storagePolicy: raw.storagePolicy ?? null,
    storagePolicyConfig: raw.storagePolicyConfig ?? {},
    entries: Object.freeze(entries),
  })
}

/**
 * The text W&B hashes into an artifact's digest: `wandb-artifact-manifest-v1\n` then one
 * `{path}:{digest}\n` line per entry, sorted by path (PROTOCOL.md §8). Its hex MD5 is the digest;
 * MD5 itself is computed where a hash is available (`wandb-rx/node`).
 *
 * @example
 * ```ts
 * manifestDigestText([{ path: 'a.txt', digest: 'XUFAKrxLKna5cZ2REBfFkg==', size: 5 }])
 * // 'wandb-artifact-manifest-v1\na.txt:XUFAKrxLKna5cZ2REBfFkg==\n'
 * ```
 */
export function manifestDigestText(entries: readonly Pick<ManifestEntry, 'path' | 'digest'>[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return `wandb-artifact-manifest-v1\n${sorted.map((e) => `${e.path}:${e.digest}\n`).join('')}`
}

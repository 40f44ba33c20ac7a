import { createHash } from 'node:crypto'
import { manifestDigestText, type ManifestEntry } from '../api/artifact-manifest.js'

/**
 * An artifact's digest from its manifest entries: the hex MD5 of `wandb-artifact-manifest-v1\n`
 * plus one `{path}:{digest}\n` line per entry, sorted by path (PROTOCOL.md §8).
 *
 * @example
 * ```ts
 * import { artifactDigest } from 'wandb-rx/node'
 * artifactDigest((await artifact.manifest()).entries) === artifact.digest // true when intact
 * ```
 */
export function artifactDigest(entries: readonly Pick<ManifestEntry, 'path' | 'digest'>[]): string {
  return createHash('md5').update(manifestDigestText(entries)).digest('hex')
}

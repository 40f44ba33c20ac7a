import { lstat, readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import type {
  ArtifactVerification,
  DifferingFile,
  DownloadableArtifact,
} from '../api/artifact-download-types.js'
import { safeRelativePath } from '../internal/safe-relative-path.js'
import { artifactDigest } from './artifact-digest.js'
import { defaultArtifactRoot } from './artifact-root.js'
import { md5File } from './md5-file.js'

/** Every regular file (and symlink) under `dir`, as `/`-separated paths relative to `root`. */
async function localFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return localFiles(root, path)
      return [relative(root, path).split(sep).join('/')]
    }),
  )
  return nested.flat()
}

/**
 * Checks a local copy of an artifact against its manifest (Python `artifact.verify(root)`), and
 * says exactly what is wrong instead of failing on the first problem:
 *
 * - `differing`: manifest files whose local base64 MD5 is not the manifest `digest`;
 * - `missing`: manifest files absent locally;
 * - `extra`: local files the manifest does not list;
 * - `digest`: the artifact digest from the server and the hex MD5 the manifest entries hash to
 *   (`wandb-artifact-manifest-v1\n` + `{path}:{digest}\n` per entry, sorted by path).
 *
 * Reference entries (`s3://…`) are not checked. A manifest path that would leave the root is
 * `UnsafePathError`.
 *
 * @example
 * ```ts
 * import { verifyArtifact } from 'wandb-rx/node'
 * const report = await verifyArtifact(artifact, 'data/digits')
 * if (!report.ok) console.error(report.differing, report.missing, report.extra)
 * ```
 */
export async function verifyArtifact(
  artifact: DownloadableArtifact,
  root?: string,
  options: { readonly signal?: AbortSignal } = {},
): Promise<ArtifactVerification> {
  const dir = resolve(root ?? defaultArtifactRoot(artifact))
  const manifest = await artifact.manifest(options.signal ? { signal: options.signal } : {})
  const known = new Set<string>()
  const differing: DifferingFile[] = []
  const missing: string[] = []
  for (const entry of manifest.entries) {
    const segments = safeRelativePath(entry.path)
    known.add(segments.join('/'))
    if (entry.ref !== undefined) continue
    options.signal?.throwIfAborted()
    const path = join(dir, ...segments)
    const info = await lstat(path).catch(() => undefined)
    if (!info) {
      missing.push(entry.path)
      continue
    }
    const actual = info.isFile() ? await md5File(path) : undefined
    if (actual !== entry.digest)
      differing.push({ path: entry.path, expected: entry.digest, actual: actual ?? '' })
  }
  const extra = (await localFiles(dir)).filter((path) => !known.has(path)).sort()
  const digest = { expected: artifact.digest, actual: artifactDigest(manifest.entries) }
  const ok =
    differing.length === 0 && missing.length === 0 && extra.length === 0 && digest.expected === digest.actual
  return Object.freeze({ ok, root: dir, differing, missing, extra, digest })
}

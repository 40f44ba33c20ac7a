import type { ArtifactFile } from '../codecs/artifact-file-codec.js'
import type { RequestSlots } from '../transport/request-slots.js'
import type { ArtifactManifest } from './artifact-manifest.js'

/**
 * Options of `artifact.download()` (Python `artifact.download(root)`).
 *
 * @example
 * ```ts
 * await artifact.download({ root: 'data', concurrency: 4, onFile: (e) => console.log(e.path, e.skipped) })
 * ```
 */
export interface DownloadArtifactOptions {
  /** Target directory. Default `./artifacts/<name>:<version>` (`-` for `:` on Windows), as in Python. */
  readonly root?: string
  /** Files downloaded at once. Default: the `Api`'s adaptive limit (up to `maxConcurrency`). */
  readonly concurrency?: number
  /** Attempts per file when a transfer breaks off mid-body (restarts the file). Default 3. */
  readonly attempts?: number
  readonly signal?: AbortSignal
  /** Called after each file is in place or found already present. */
  readonly onFile?: (event: {
    readonly path: string
    readonly skipped: boolean
    readonly bytes: number
  }) => void
}

/**
 * What `artifact.download()` did.
 *
 * @example
 * ```ts
 * const { downloaded, skipped } = await artifact.download({ root: 'data' }) // skipped: files already there
 * ```
 */
export interface DownloadedArtifact {
  /** Absolute path of the root directory. */
  readonly root: string
  /** Files fetched in this call. */
  readonly downloaded: readonly string[]
  /** Files already present with the right digest (a resumed download skips them). */
  readonly skipped: readonly string[]
  /** Reference entries (`s3://…`) that were not fetched: their bytes live outside W&B. */
  readonly references: readonly string[]
  /** Bytes written in this call. */
  readonly bytes: number
}

/**
 * A file whose local content differs from the manifest.
 *
 * @example
 * ```ts
 * (await artifact.verify('data')).differing // [{ path: 'train.csv', expected: 'rL0Y…', actual: 'XUFA…' }]
 * ```
 */
export interface DifferingFile {
  readonly path: string
  /** Base64 MD5 from the manifest. */
  readonly expected: string
  /** Base64 MD5 of the local file. */
  readonly actual: string
}

/**
 * What `artifact.verify(root)` found, file by file: `ok` only when nothing differs, nothing is
 * missing, nothing extra is present and the manifest hashes to the artifact's digest.
 *
 * @example
 * ```ts
 * const r = await artifact.verify('data')
 * if (!r.ok) console.error(r.differing, r.missing, r.extra)
 * ```
 */
export interface ArtifactVerification {
  readonly ok: boolean
  readonly root: string
  /** Manifest files present locally with other content. */
  readonly differing: readonly DifferingFile[]
  /** Manifest files absent locally. */
  readonly missing: readonly string[]
  /** Local files the manifest does not list (paths relative to the root, `/`-separated). */
  readonly extra: readonly string[]
  /** The artifact digest from the server and the one the manifest hashes to. */
  readonly digest: { readonly expected: string; readonly actual: string }
}

/**
 * What downloading and verifying need from an artifact version (an `Artifact` has all of it):
 * its names, digest, manifest, file listing and a way to open one file.
 *
 * @example
 * ```ts
 * const source: DownloadableArtifact = await api.artifact('team/mnist/digits:v1')
 * ```
 */
export interface DownloadableArtifact {
  readonly name: string
  readonly qualifiedName: string
  readonly digest: string
  manifest(options?: { readonly signal?: AbortSignal }): Promise<ArtifactManifest>
  files(options: { readonly perPage: number }): {
    toArray(options?: { readonly signal?: AbortSignal }): Promise<ArtifactFile[]>
  }
  openFile(file: ArtifactFile, options: { readonly signal?: AbortSignal }): Promise<Response>
  /** @internal The `Api`'s adaptive request slots; downloads share them when given no `concurrency`. */
  readonly requestSlots?: RequestSlots
}

import type {
  ArtifactVerification,
  DownloadableArtifact,
  DownloadArtifactOptions,
  DownloadedArtifact,
} from '../api/artifact-download-types.js'
import type { DownloadedFile, DownloadRunFileOptions } from '../api/run-file-download-types.js'
import type { RunFile } from '../codecs/run-file-codec.js'
import type { ApiContext } from '../internal/api-context.js'
import type { HistoryCache } from '../internal/history-cache.js'

/**
 * What the core needs from its runtime beyond `fetch`: the Node implementation reads `.netrc`
 * and writes to disk; the web one has none of that. Core files import it as `#platform`, a
 * package.json subpath import whose `node` condition selects `node-platform.js` and whose
 * `default` selects `web-platform.js`, so bundlers for browsers never see a Node built-in.
 *
 * @internal
 */
export interface Platform {
  readonly name: 'node' | 'web'
  /** The `.netrc` password for `host[:port]`, if any (web: always none). */
  netrcPassword(host: string): Promise<string | undefined>
  /** A local file's bytes and base name, for uploads. */
  readLocalFile(path: string): Promise<{ bytes: Uint8Array; name: string }>
  downloadRunFile(ctx: ApiContext, file: RunFile, options: DownloadRunFileOptions): Promise<DownloadedFile>
  downloadArtifact(
    artifact: DownloadableArtifact,
    options: DownloadArtifactOptions,
  ): Promise<DownloadedArtifact>
  verifyArtifact(
    artifact: DownloadableArtifact,
    root: string | undefined,
    options: { readonly signal?: AbortSignal },
  ): Promise<ArtifactVerification>
  /**
   * Where full history scans keep whole Parquet export files when the `Api` names no cache
   * (Node: on disk, `$WANDB_CACHE_DIR` or the OS cache dir; web: none, scans read by ranges).
   */
  defaultHistoryCache(): HistoryCache | undefined
  /** A `fetch` for runtimes without a global one, or `undefined` where there is nothing to fall back to. */
  fallbackFetch(): Promise<typeof globalThis.fetch> | undefined
}

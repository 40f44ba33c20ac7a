import { downloadArtifact } from '../node/download-artifact.js'
import { downloadRunFile } from '../node/download-run-file.js'
import { fileHistoryCache } from '../node/history-cache.js'
import { netrcPassword } from '../node/netrc.js'
import { readLocalFile } from '../node/read-local-file.js'
import { verifyArtifact } from '../node/verify-artifact.js'
import type { Platform } from './platform.js'

/**
 * The Node implementation of `#platform`: `.netrc`, local files, downloads to disk, and
 * the history file cache, and `cross-fetch` where a very old runtime has no global `fetch`.
 *
 * @internal
 */
export const platform: Platform = Object.freeze({
  name: 'node',
  netrcPassword: (host: string) => netrcPassword(host),
  readLocalFile,
  downloadRunFile,
  downloadArtifact,
  verifyArtifact,
  defaultHistoryCache: () => fileHistoryCache(),
  fallbackFetch: () => import('cross-fetch').then((m) => m.default as typeof globalThis.fetch),
})

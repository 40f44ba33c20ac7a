import { NodeOnlyError } from '../errors/node-only-error.js'
import type { Platform } from './platform.js'

const nodeOnly = (feature: string, hint?: string) => (): Promise<never> =>
  Promise.reject(new NodeOnlyError(feature, hint))

/**
 * The `#platform` of browsers, workers and `neutral` bundles: no `.netrc` (the key comes from
 * the option or `WANDB_API_KEY`), and every disk operation rejects with {@link NodeOnlyError}.
 *
 * @internal
 */
export const platform: Platform = Object.freeze({
  name: 'web',
  netrcPassword: () => Promise.resolve(undefined),
  readLocalFile: nodeOnly('uploadFile(localPath)', 'pass the bytes (Uint8Array or Blob) with { name }'),
  downloadRunFile: nodeOnly('file.download()', 'use file.open() and read the Response'),
  downloadArtifact: nodeOnly('artifact.download()', 'use artifact.openFile() or files()'),
  verifyArtifact: nodeOnly('artifact.verify()'),
  defaultHistoryCache: () => undefined,
  fallbackFetch: () => undefined,
})

/**
 * Node-only helpers, kept out of the core entry point so browser bundles never see `node:` imports.
 *
 * @example
 * ```ts
 * import { netrcPassword } from 'wandb-rx/node'
 * ```
 */
export { netrcPassword, parseNetrc, type NetrcEntry } from './netrc.js'
export { downloadRunFile, type DownloadRunFileOptions, type DownloadedFile } from './download-run-file.js'
export { downloadArtifact } from './download-artifact.js'
export { verifyArtifact } from './verify-artifact.js'
export { artifactDigest } from './artifact-digest.js'
export { md5File } from './md5-file.js'

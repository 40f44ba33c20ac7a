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
export { csvSink, type CsvSinkOptions } from '../exports/csv-sink.js'
export { jsonlSink, type JsonlSinkOptions, type NonFiniteMode } from '../exports/jsonl-sink.js'
export { parquetSink, type ParquetSinkOptions } from '../exports/parquet-sink.js'
export { createSink, type CreateSinkOptions } from '../exports/create-sink.js'
export { fileTarget, streamTarget, type TextTarget, type TextWritable } from '../exports/text-target.js'
export { writeRows } from '../exports/write-rows.js'
export { fileHistoryCache, historyCacheDir } from './history-cache.js'

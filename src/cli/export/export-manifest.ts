import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ExportFormat } from '../../exports/row-sink.js'

/** The state file of an export directory: what a re-run reads to resume. */
export const MANIFEST_FILE = 'wandb-rx-export.json'

/** How far one run's history export got. Rows up to `nextStep` (exclusive) are on disk in `bytes`. */
export interface HistoryProgress {
  status: 'pending' | 'partial' | 'complete'
  nextStep: number
  /** Bytes of the staging file that hold complete steps (a resume truncates to this). */
  bytes: number
  rows: number
}

/** One run of the export. */
export interface RunExportState {
  readonly id: string
  readonly path: string
  name: string
  state: string
  history?: HistoryProgress
  files?: { status: 'pending' | 'complete'; count: number }
}

/**
 * The export manifest (`wandb-rx-export.json`): the options the export was started with and
 * each run's progress. Written atomically (temp file + rename) after every checkpoint, so a
 * killed export leaves either the old or the new manifest, never half of one.
 *
 * @example
 * ```json
 * { "version": 1, "project": "team/mnist", "format": "csv", "history": true, "files": false,
 *   "runs": { "team/mnist/a1": { "id": "a1", "history": { "status": "partial", "nextStep": 4000, "bytes": 812345, "rows": 4000 } } } }
 * ```
 */
export interface ExportManifest {
  readonly version: 1
  readonly project: string
  readonly format: ExportFormat
  readonly where: Readonly<Record<string, unknown>> | null
  readonly history: boolean
  readonly files: boolean
  readonly startedAt: string
  updatedAt: string
  completedAt: string | null
  readonly runs: Record<string, RunExportState>
}

/** Reads `DIR/wandb-rx-export.json`, or `undefined` when the directory holds no export yet. */
export function readManifest(dir: string): ExportManifest | undefined {
  const path = join(dir, MANIFEST_FILE)
  if (!existsSync(path)) return undefined
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as ExportManifest
  if (manifest.version !== 1)
    throw new Error(`${path}: unsupported manifest version ${String(manifest.version)}`)
  return manifest
}

/** Writes the manifest atomically. */
export function writeManifest(dir: string, manifest: ExportManifest): void {
  manifest.updatedAt = new Date().toISOString()
  const path = join(dir, MANIFEST_FILE)
  writeFileSync(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`)
  renameSync(`${path}.tmp`, path)
}

import type { UrlSigner } from '../files/url-signer.js'
import type { HistoryExportRow } from '../store/history-exports.js'

/** Signer purpose of history export URLs (distinct from run files and artifact blobs). */
export const EXPORT_GET = 'history-export'

/** The path of an export file: unique per file, so clients may cache by it. */
export const exportPath = (e: HistoryExportRow): string =>
  `/history-exports/${e.run_id}/${e.min_step}-${e.max_step}-${e.uid}.parquet`

/** A signed, expiring GET/HEAD URL of an export file; it needs no API key. */
export function exportUrl(baseUrl: string, signer: UrlSigner, e: HistoryExportRow): string {
  return `${baseUrl}${exportPath(e)}?${signer.sign(EXPORT_GET, e.uid)}`
}

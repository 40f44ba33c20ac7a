/**
 * Schema step for Parquet history exports (appended to `MIGRATIONS`). An export is one
 * immutable file holding history lines `[first_line, end_line)` of a run; a run's exports
 * cover lines `[0, max(end_line))` without gaps or overlaps, so that maximum is the exact
 * boundary between exported and live rows. The bytes live in `history_export_pages`
 * (256 KiB pages, so a ranged read touches only the pages it needs) and are inserted in the
 * same transaction as their export row: a crash leaves either the whole file or nothing.
 */
export const HISTORY_EXPORTS_MIGRATION = `
  CREATE TABLE history_exports (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    uid TEXT NOT NULL UNIQUE,
    first_line INTEGER NOT NULL, end_line INTEGER NOT NULL,
    min_step INTEGER NOT NULL, max_step INTEGER NOT NULL, row_count INTEGER NOT NULL,
    size_bytes INTEGER NOT NULL, etag TEXT NOT NULL, created_at TEXT NOT NULL,
    UNIQUE (run_id, first_line));
  CREATE TABLE history_export_pages (
    export_id INTEGER NOT NULL REFERENCES history_exports(id) ON DELETE CASCADE,
    page INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (export_id, page));
`

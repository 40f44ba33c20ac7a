import { ARTIFACTS_TEAMS_MIGRATION } from './artifacts-teams-migration.js'
import { HISTORY_EXPORTS_MIGRATION } from './history-exports-migration.js'
import { VIEWS_MIGRATION } from './views-migration.js'

/**
 * Versioned schema. Migration `i` moves `PRAGMA user_version` from `i` to `i + 1`; never edit a
 * released step, append a new one.
 *
 * Runs keep config and summary twice: the text the client sent (`*_json`, extended JSON with
 * NaN kept) for output, and a generated JSONB copy for filtering and ordering (3x faster to read
 * than text, and the target of the adaptive expression indexes, see `auto-index.ts`).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE entities (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, is_team INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL);
  CREATE TABLE users (
    id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT,
    admin INTEGER NOT NULL DEFAULT 0, entity_id INTEGER NOT NULL REFERENCES entities(id),
    created_at TEXT NOT NULL);
  CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL);
  CREATE TABLE members (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, user_id)) WITHOUT ROWID;
  CREATE TABLE projects (
    id INTEGER PRIMARY KEY, entity_id INTEGER NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL, description TEXT, access TEXT NOT NULL DEFAULT 'PRIVATE',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (entity_id, name));
  CREATE TABLE sweeps (
    id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL, display_name TEXT, method TEXT NOT NULL DEFAULT 'random',
    state TEXT NOT NULL DEFAULT 'RUNNING', config TEXT NOT NULL DEFAULT '', description TEXT,
    best_loss REAL, run_count_expected INTEGER, user_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (project_id, name));
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL, display_name TEXT, state TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    config_json TEXT NOT NULL DEFAULT '{}',
    config BLOB GENERATED ALWAYS AS (jsonb(config_json)) STORED,
    summary_json TEXT NOT NULL DEFAULT '{}',
    summary BLOB GENERATED ALWAYS AS (jsonb(summary_json)) STORED,
    system_metrics TEXT NOT NULL DEFAULT '{}', tags TEXT NOT NULL DEFAULT '[]',
    group_name TEXT, job_type TEXT, sweep_name TEXT, commit_hash TEXT, description TEXT,
    notes TEXT, host TEXT, program TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL,
    history_line_count INTEGER NOT NULL DEFAULT 0, events_line_count INTEGER NOT NULL DEFAULT 0,
    log_line_count INTEGER NOT NULL DEFAULT 0, history_keys TEXT NOT NULL DEFAULT '{}',
    last_step INTEGER, stopped INTEGER NOT NULL DEFAULT 0, exitcode INTEGER,
    UNIQUE (project_id, name));
  CREATE INDEX runs_created ON runs (project_id, created_at, id);
  CREATE INDEX runs_heartbeat ON runs (project_id, heartbeat_at, id);
  CREATE INDEX runs_display ON runs (project_id, display_name, id);
  CREATE INDEX runs_state ON runs (project_id, state);
  CREATE INDEX runs_group ON runs (project_id, group_name);
  CREATE INDEX runs_sweep ON runs (project_id, sweep_name);
  CREATE TABLE history (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, line INTEGER NOT NULL,
    step INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (run_id, line)) WITHOUT ROWID;
  CREATE INDEX history_step ON history (run_id, step, line);
  CREATE TABLE events (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, line INTEGER NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (run_id, line)) WITHOUT ROWID;
  CREATE TABLE log_lines (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, line INTEGER NOT NULL,
    content TEXT NOT NULL, PRIMARY KEY (run_id, line)) WITHOUT ROWID;
  CREATE TABLE files (
    id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name TEXT NOT NULL, size_bytes INTEGER, md5 TEXT, mimetype TEXT, content BLOB,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (run_id, name));
  `,
  ARTIFACTS_TEAMS_MIGRATION,
  VIEWS_MIGRATION,
  HISTORY_EXPORTS_MIGRATION,
]

/**
 * Schema step for saved views (appended to `MIGRATIONS`): W&B keeps reports as views of type
 * `runs` whose `spec` is a JSON document (`panelGroups`, blocks, …). `name` is the view's
 * slug, unique per project and type; `display_name` is the title shown in the app.
 */
export const VIEWS_MIGRATION = `
  CREATE TABLE views (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    type TEXT NOT NULL DEFAULT 'runs', name TEXT NOT NULL, display_name TEXT, description TEXT,
    spec TEXT NOT NULL DEFAULT '{}', user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (project_id, type, name));
`

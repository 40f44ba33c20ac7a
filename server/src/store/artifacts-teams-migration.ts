/**
 * Schema step for users/teams/organizations and artifacts (appended to `MIGRATIONS`).
 *
 * - Teams: per-member admin flag, pending invites, service accounts (`users.account_type`), and
 *   API key ids/descriptions (`api_keys.rowid` is the key id; only a masked prefix is kept).
 * - Organizations own an org entity; registries are `wandb-registry-*` projects in it.
 * - Artifacts: types and collections per project; a collection is a SEQUENCE (versions logged
 *   under that name) or a PORTFOLIO (versions linked from sequences). Every collection reaches
 *   its versions through memberships, so both kinds are queried the same way. Blobs (files and
 *   manifests) live in `artifact_blobs`, addressed by signed URLs.
 */
export const ARTIFACTS_TEAMS_MIGRATION = `
  ALTER TABLE users ADD COLUMN account_type TEXT NOT NULL DEFAULT 'USER';
  ALTER TABLE api_keys ADD COLUMN description TEXT;
  ALTER TABLE api_keys ADD COLUMN masked TEXT;
  ALTER TABLE members ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE entities ADD COLUMN organization_id INTEGER;
  CREATE TABLE invites (
    id INTEGER PRIMARY KEY, entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    email TEXT, username TEXT, admin INTEGER NOT NULL DEFAULT 0,
    from_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL, created_at TEXT NOT NULL);
  CREATE TABLE organizations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    org_entity_id INTEGER NOT NULL UNIQUE REFERENCES entities(id), created_at TEXT NOT NULL);
  CREATE TABLE organization_members (
    organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member', PRIMARY KEY (organization_id, user_id)) WITHOUT ROWID;
  CREATE TABLE artifact_types (
    id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL, description TEXT, created_at TEXT NOT NULL, UNIQUE (project_id, name));
  CREATE TABLE artifact_collections (
    id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    type_id INTEGER NOT NULL REFERENCES artifact_types(id) ON DELETE CASCADE,
    name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('SEQUENCE', 'PORTFOLIO')),
    description TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (project_id, name));
  CREATE TABLE artifact_collection_tags (
    collection_id INTEGER NOT NULL REFERENCES artifact_collections(id) ON DELETE CASCADE,
    name TEXT NOT NULL, PRIMARY KEY (collection_id, name)) WITHOUT ROWID;
  CREATE TABLE artifacts (
    id INTEGER PRIMARY KEY,
    sequence_id INTEGER NOT NULL REFERENCES artifact_collections(id) ON DELETE CASCADE,
    type_id INTEGER NOT NULL REFERENCES artifact_types(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'PENDING', digest TEXT NOT NULL, description TEXT,
    metadata TEXT NOT NULL DEFAULT '{}', client_id TEXT, sequence_client_id TEXT,
    history_step INTEGER, ttl_duration_seconds INTEGER, pending_aliases TEXT NOT NULL DEFAULT '[]',
    size INTEGER NOT NULL DEFAULT 0, file_count INTEGER NOT NULL DEFAULT 0,
    created_by_run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE TABLE artifact_tags (
    artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    name TEXT NOT NULL, PRIMARY KEY (artifact_id, name)) WITHOUT ROWID;
  CREATE TABLE artifact_memberships (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES artifact_collections(id) ON DELETE CASCADE,
    artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    version_index INTEGER NOT NULL, created_at TEXT NOT NULL,
    UNIQUE (collection_id, artifact_id), UNIQUE (collection_id, version_index));
  CREATE TABLE artifact_aliases (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES artifact_collections(id) ON DELETE CASCADE,
    artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    alias TEXT NOT NULL, UNIQUE (collection_id, alias));
  CREATE TABLE artifact_blobs (
    id INTEGER PRIMARY KEY, artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('file', 'manifest')), name TEXT NOT NULL, md5 TEXT,
    size_bytes INTEGER, mimetype TEXT, content BLOB, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (artifact_id, kind, name));
  CREATE INDEX artifact_blobs_md5 ON artifact_blobs (md5);
  CREATE TABLE artifact_manifests (
    id INTEGER PRIMARY KEY, artifact_id INTEGER NOT NULL UNIQUE REFERENCES artifacts(id) ON DELETE CASCADE,
    blob_id INTEGER NOT NULL REFERENCES artifact_blobs(id), digest TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'FULL', created_at TEXT NOT NULL);
  CREATE TABLE artifact_usage (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    used_as TEXT, created_at TEXT NOT NULL, PRIMARY KEY (run_id, artifact_id)) WITHOUT ROWID;
`

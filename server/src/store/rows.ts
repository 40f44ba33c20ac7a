/** Row shapes read from SQLite (snake_case as stored). */
export interface UserRow {
  readonly id: number
  readonly username: string
  readonly name: string
  readonly email: string | null
  readonly admin: number
  readonly entity_id: number
  readonly created_at: string
}

export interface EntityRow {
  readonly id: number
  readonly name: string
  readonly is_team: number
  readonly created_at: string
}

export interface ProjectRow {
  readonly id: number
  readonly entity_id: number
  readonly entity_name: string
  readonly name: string
  readonly description: string | null
  readonly access: string
  readonly created_at: string
  readonly updated_at: string
}

export interface RunRow {
  readonly id: number
  readonly project_id: number
  readonly name: string
  readonly display_name: string | null
  readonly state: string
  readonly user_id: number | null
  readonly config_json: string
  readonly summary_json: string
  readonly system_metrics: string
  readonly tags: string
  readonly group_name: string | null
  readonly job_type: string | null
  readonly sweep_name: string | null
  readonly commit_hash: string | null
  readonly description: string | null
  readonly notes: string | null
  readonly host: string | null
  readonly program: string | null
  readonly created_at: string
  readonly updated_at: string
  readonly heartbeat_at: string
  readonly history_line_count: number
  readonly events_line_count: number
  readonly log_line_count: number
  readonly history_keys: string
  readonly last_step: number | null
  readonly stopped: number
  readonly exitcode: number | null
}

/** The stored run columns (the generated JSONB copies are for SQL only). */
export const RUN_COLUMNS = `r.id, r.project_id, r.name, r.display_name, r.state, r.user_id, r.config_json,
  r.summary_json, r.system_metrics, r.tags, r.group_name, r.job_type, r.sweep_name, r.commit_hash,
  r.description, r.notes, r.host, r.program, r.created_at, r.updated_at, r.heartbeat_at,
  r.history_line_count, r.events_line_count, r.log_line_count, r.history_keys, r.last_step,
  r.stopped, r.exitcode`

export interface FileRow {
  readonly id: number
  readonly run_id: number
  readonly name: string
  readonly size_bytes: number | null
  readonly md5: string | null
  readonly mimetype: string | null
  readonly created_at: string
  readonly updated_at: string
}

export interface SweepRow {
  readonly id: number
  readonly project_id: number
  readonly name: string
  readonly display_name: string | null
  readonly method: string
  readonly state: string
  readonly config: string
  readonly description: string | null
  readonly best_loss: number | null
  readonly run_count_expected: number | null
  readonly user_id: number | null
  readonly created_at: string
  readonly updated_at: string
}

/** Row shapes of the artifact tables (snake_case as stored). */
export interface ArtifactTypeRow {
  readonly id: number
  readonly project_id: number
  readonly name: string
  readonly description: string | null
  readonly created_at: string
}

export type CollectionKind = 'SEQUENCE' | 'PORTFOLIO'

export interface CollectionRow {
  readonly id: number
  readonly project_id: number
  readonly type_id: number
  readonly name: string
  readonly kind: CollectionKind
  readonly description: string | null
  readonly created_at: string
  readonly updated_at: string
}

export type ArtifactState = 'PENDING' | 'COMMITTED' | 'DELETED'

export interface ArtifactRow {
  readonly id: number
  readonly sequence_id: number
  readonly type_id: number
  readonly state: ArtifactState
  readonly digest: string
  readonly description: string | null
  readonly metadata: string
  readonly client_id: string | null
  readonly sequence_client_id: string | null
  readonly history_step: number | null
  readonly ttl_duration_seconds: number | null
  readonly pending_aliases: string
  readonly size: number
  readonly file_count: number
  readonly created_by_run_id: number | null
  readonly created_at: string
  readonly updated_at: string
}

export interface MembershipRow {
  readonly id: number
  readonly collection_id: number
  readonly artifact_id: number
  readonly version_index: number
  readonly created_at: string
}

export interface AliasRow {
  readonly id: number
  readonly collection_id: number
  readonly artifact_id: number
  readonly alias: string
}

export type BlobKind = 'file' | 'manifest'

export interface BlobRow {
  readonly id: number
  readonly artifact_id: number
  readonly kind: BlobKind
  readonly name: string
  readonly md5: string | null
  readonly size_bytes: number | null
  readonly mimetype: string | null
  readonly created_at: string
  readonly updated_at: string
}

export interface ManifestRow {
  readonly id: number
  readonly artifact_id: number
  readonly blob_id: number
  readonly digest: string
  readonly type: string
  readonly created_at: string
}

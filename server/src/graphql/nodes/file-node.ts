import type { FileRow, ProjectRow, RunRow } from '../../store/rows.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'

const segment = encodeURIComponent
const pathOf = (name: string) => name.split('/').map(segment).join('/')

/** GraphQL `File` of a run. */
export class FileNode {
  constructor(
    private readonly ctx: GraphqlContext,
    private readonly row: FileRow,
    private readonly run: RunRow,
    private readonly project: ProjectRow,
  ) {}

  get id(): string {
    return encodeId('File', this.row.id)
  }
  get name(): string {
    return this.row.name
  }
  get displayName(): string {
    return this.row.name.split('/').pop() ?? this.row.name
  }
  /** Download URL under the base URL (needs the API key); `upload: true` gives the PUT URL. */
  url(args: { upload?: boolean | null }): string {
    if (args.upload) return this.uploadUrl
    const { entity_name, name } = this.project
    return `${this.ctx.baseUrl}/files/${segment(entity_name)}/${segment(name)}/${segment(this.run.name)}/${pathOf(this.row.name)}`
  }
  /** A signed, expiring URL that needs no API key (like a storage bucket URL). */
  get directUrl(): string {
    return `${this.ctx.baseUrl}/direct/${this.row.id}/${pathOf(this.row.name)}?${this.ctx.signer.sign('get', this.row.id)}`
  }
  get uploadUrl(): string {
    return uploadUrl(this.ctx, this.row.id)
  }
  get sizeBytes(): number {
    return this.row.size_bytes ?? 0
  }
  get mimetype(): string | null {
    return this.row.mimetype
  }
  get md5(): string | null {
    return this.row.md5
  }
  get digest(): string | null {
    return this.row.md5
  }
  get storagePath(): string {
    return `${this.project.entity_name}/${this.project.name}/${this.run.name}/${this.row.name}`
  }
  get exists(): boolean {
    return this.row.md5 !== null
  }
  get isReference(): boolean {
    return false
  }
  get createdAt(): string {
    return this.row.created_at
  }
  get updatedAt(): string {
    return this.row.updated_at
  }
}

/** The signed PUT URL for a file's bytes. */
export function uploadUrl(ctx: GraphqlContext, fileId: number): string {
  return `${ctx.baseUrl}/upload/${fileId}?${ctx.signer.sign('put', fileId)}`
}

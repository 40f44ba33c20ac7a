import { countFiles, listFiles } from '../../store/files.js'
import { eventRows, historyTail, logLines, sampledHistoryRows } from '../../store/lines.js'
import { canWrite } from '../../store/projects.js'
import type { ProjectRow, RunRow } from '../../store/rows.js'
import { findSweep } from '../../store/sweeps.js'
import { findUserById } from '../../store/users.js'
import { downsample } from '../../util/downsample.js'
import { parseExtendedJson, stringifyExtended } from '../../util/extended-json.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { parseLogLine } from './log-line.js'
import { decodeCursor, encodeCursor, pageInfo, pageSize } from './page-info.js'
import { sampledHistory } from './sampled-history.js'

const DEFAULT_SAMPLES = 500

function pickKeys(json: string, keys: readonly string[] | null | undefined): string {
  if (!keys) return json
  const all = parseExtendedJson(json) as Record<string, unknown>
  return stringifyExtended(
    Object.fromEntries(keys.filter((k) => Object.hasOwn(all, k)).map((k) => [k, all[k]])),
  )
}

function step(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null
  const n = typeof value === 'string' ? Number(value) : value
  if (!Number.isSafeInteger(n)) throw userError(`${name} must be an integer`)
  return n as number
}

/** GraphQL `Run` (W&B "bucket"): the fields of PROTOCOL §3–§6. */
export class RunNode {
  constructor(
    private readonly ctx: GraphqlContext,
    private readonly row: RunRow,
    private readonly projectRow: ProjectRow,
  ) {}

  get id(): string {
    return encodeId('Run', this.row.name, this.projectRow.name, this.projectRow.entity_name)
  }
  get name(): string {
    return this.row.name
  }
  get displayName(): string | null {
    return this.row.display_name
  }
  get state(): string {
    return this.row.state
  }
  /** Wrapped form `{"key": {"value": v, "desc": null}}`, as W&B stores config. */
  config(args: { keys?: readonly string[] | null }): string {
    return pickKeys(this.row.config_json, args.keys)
  }
  summaryMetrics(args: { keys?: readonly string[] | null }): string {
    return pickKeys(this.row.summary_json, args.keys)
  }
  get systemMetrics(): string {
    return this.row.system_metrics
  }
  /** The SDK's own `_wandb` config entry, limited to `keys`. */
  wandbConfig(args: { keys?: readonly string[] | null }): string {
    const config = JSON.parse(this.row.config_json) as Record<string, { value?: unknown }>
    const own = config._wandb?.value
    return pickKeys(JSON.stringify(typeof own === 'object' && own !== null ? own : {}), args.keys)
  }
  get historyKeys(): unknown {
    const keys = JSON.parse(this.row.history_keys) as Record<string, unknown>
    return { lastStep: this.row.last_step ?? -1, keys: keys.keys ?? {} }
  }
  get historyLineCount(): number {
    return this.row.history_line_count
  }
  get eventsLineCount(): number {
    return this.row.events_line_count
  }
  get logLineCount(): number {
    return this.row.log_line_count
  }
  historyTail(): string {
    return JSON.stringify(historyTail(this.ctx.db, this.row.id, 'history', 10))
  }
  eventsTail(): string {
    return JSON.stringify(historyTail(this.ctx.db, this.row.id, 'events', 10))
  }
  get tags(): string[] {
    return JSON.parse(this.row.tags) as string[]
  }
  get group(): string | null {
    return this.row.group_name
  }
  get jobType(): string | null {
    return this.row.job_type
  }
  get sweepName(): string | null {
    return this.row.sweep_name
  }
  sweep(): object | null {
    const sweep = this.row.sweep_name
      ? findSweep(this.ctx.db, this.projectRow.id, this.row.sweep_name)
      : undefined
    return sweep ? this.ctx.nodes.sweep(sweep, this.projectRow) : null
  }
  get commit(): string | null {
    return this.row.commit_hash
  }
  get description(): string | null {
    return this.row.description
  }
  get notes(): string | null {
    return this.row.notes
  }
  get host(): string | null {
    return this.row.host
  }
  get readOnly(): boolean {
    return !canWrite(this.ctx.db, this.ctx.viewer, this.projectRow)
  }
  get createdAt(): string {
    return this.row.created_at
  }
  get updatedAt(): string {
    return this.row.updated_at
  }
  get heartbeatAt(): string {
    return this.row.heartbeat_at
  }
  get projectId(): number {
    return this.projectRow.id
  }
  project(): object {
    return this.ctx.nodes.project(this.projectRow)
  }
  user(): object | null {
    const user = this.row.user_id === null ? undefined : findUserById(this.ctx.db, this.row.user_id)
    return user ? this.ctx.nodes.user(user) : null
  }
  get stopped(): boolean {
    return this.row.stopped === 1
  }
  get shouldStop(): boolean {
    return this.row.stopped === 1
  }
  get running(): boolean {
    return this.row.state === 'running'
  }
  get failed(): boolean {
    return this.row.state === 'failed' || this.row.state === 'crashed'
  }
  get exitcode(): number | null {
    return this.row.exitcode
  }
  fileCount(): number {
    return countFiles(this.ctx.db, this.row.id)
  }

  /** Raw history lines (extended JSON strings), `minStep <= _step < maxStep`, down-sampled. */
  history(args: { samples?: number | null; minStep?: unknown; maxStep?: unknown }): string[] {
    return sampledHistoryRows(
      this.ctx.db,
      this.row.id,
      step(args.minStep, 'minStep'),
      step(args.maxStep, 'maxStep'),
      args.samples ?? DEFAULT_SAMPLES,
    )
  }
  sampledHistory(args: { specs: readonly unknown[] }): Record<string, unknown>[][] {
    return args.specs.map((spec) => sampledHistory(this.ctx.db, this.row.id, spec))
  }
  events(args: { samples?: number | null }): string[] {
    return downsample(eventRows(this.ctx.db, this.row.id), args.samples ?? DEFAULT_SAMPLES)
  }

  files(args: {
    names?: readonly (string | null)[] | null
    pattern?: string | null
    first?: number | null
    after?: string | null
  }): unknown {
    const limit = pageSize(args.first, 50, 10_000)
    const query = {
      names: (args.names ?? []).filter((n): n is string => typeof n === 'string'),
      pattern: args.pattern ?? null,
    }
    const rows = listFiles(this.ctx.db, this.row.id, query, decodeCursor(args.after), limit + 1)
    const edges = rows
      .slice(0, limit)
      .map((f) => ({ node: this.ctx.nodes.file(f, this.row, this.projectRow), cursor: encodeCursor(f.name) }))
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        rows.length > limit,
        Boolean(args.after),
      ),
      uploadHeaders: [],
    }
  }

  logLines(args: { first?: number | null; after?: string | null; last?: number | null }): unknown {
    const afterLine = Number(decodeCursor(args.after) ?? -1)
    const limit = pageSize(args.first, 1000, 10_000)
    const rows =
      args.last != null && args.first == null
        ? logLines(this.ctx.db, this.row.id, -1, 0, Math.max(0, args.last))
        : logLines(this.ctx.db, this.row.id, Number.isInteger(afterLine) ? afterLine : -1, limit + 1)
    const page = args.last != null && args.first == null ? rows : rows.slice(0, limit)
    const edges = page.map((r) => ({ node: parseLogLine(r.line, r.content), cursor: encodeCursor(r.line) }))
    const hasNext = args.last != null && args.first == null ? false : rows.length > limit
    const hasPrevious = (edges[0]?.node.number ?? 0) > 0
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        hasNext,
        hasPrevious,
      ),
    }
  }
}

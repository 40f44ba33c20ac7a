import { canWrite } from '../../store/projects.js'
import type { ProjectRow } from '../../store/rows.js'
import { countRuns } from '../../store/run-query.js'
import { findRun } from '../../store/runs.js'
import { countSweeps, findSweep, listSweeps } from '../../store/sweeps.js'
import { findEntityById } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { decodeCursor, encodeCursor, pageInfo, pageSize } from './page-info.js'
import { runConnection } from './run-connection.js'

interface RunsArgs {
  filters?: string | null
  order?: string | null
  first?: number | null
  after?: string | null
}

/** GraphQL `Project` (also served as the legacy `model`). */
export class ProjectNode {
  constructor(
    private readonly ctx: GraphqlContext,
    private readonly row: ProjectRow,
  ) {}

  get id(): string {
    return encodeId('Project', this.row.name, this.row.entity_name)
  }
  get internalId(): string {
    return String(this.row.id)
  }
  get name(): string {
    return this.row.name
  }
  get entityName(): string {
    return this.row.entity_name
  }
  entity(): object | null {
    const entity = findEntityById(this.ctx.db, this.row.entity_id)
    return entity ? this.ctx.nodes.entity(entity) : null
  }
  get description(): string | null {
    return this.row.description
  }
  get access(): string {
    return this.row.access
  }
  get readOnly(): boolean {
    return !canWrite(this.ctx.db, this.ctx.viewer, this.row)
  }
  get isBenchmark(): boolean {
    return false
  }
  get createdAt(): string {
    return this.row.created_at
  }
  get updatedAt(): string {
    return this.row.updated_at
  }
  user(): null {
    return null
  }
  runCount(args: { filters?: string | null }): number {
    return countRuns(this.ctx.db, this.ctx.indexer, this.row.id, args.filters)
  }
  totalRuns(): number {
    return countRuns(this.ctx.db, this.ctx.indexer, this.row.id, null)
  }
  runs(args: RunsArgs): unknown {
    return runConnection(this.ctx, this.row, args)
  }
  run(args: { name: string }): object | null {
    const run = findRun(this.ctx.db, this.row.id, args.name)
    return run ? this.ctx.nodes.run(run, this.row) : null
  }
  /** Legacy alias of `run`; W&B returns null for a missing run with or without `missingOk`. */
  bucket(args: { name: string }): object | null {
    return this.run(args)
  }
  sweep(args: { sweepName: string }): object | null {
    const sweep = findSweep(this.ctx.db, this.row.id, args.sweepName)
    return sweep ? this.ctx.nodes.sweep(sweep, this.row) : null
  }
  sweeps(args: { first?: number | null; after?: string | null }): unknown {
    const limit = pageSize(args.first, 50, 1000)
    const rows = listSweeps(this.ctx.db, this.row.id, Number(decodeCursor(args.after) ?? 0) || 0, limit + 1)
    const edges = rows
      .slice(0, limit)
      .map((s) => ({ node: this.ctx.nodes.sweep(s, this.row), cursor: encodeCursor(s.id) }))
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        rows.length > limit,
        Boolean(args.after),
      ),
    }
  }
  /** Legacy workspace views; upsertModel accepts `views` but does not keep them. */
  get views(): null {
    return null
  }
  totalSweeps(): number {
    return countSweeps(this.ctx.db, this.row.id)
  }
}

import { jsonPath } from '../../filters/field-ref.js'
import { FilterError } from '../../filters/filter-error.js'
import { literal } from '../../filters/sql-fragment.js'
import type { ProjectRow, SweepRow } from '../../store/rows.js'
import { countRuns } from '../../store/run-query.js'
import { sql } from '../../store/statements.js'
import { findUserById } from '../../store/users.js'
import { encodeId } from '../../util/opaque-id.js'
import type { GraphqlContext } from '../context.js'
import { runConnection } from './run-connection.js'
import { sweepMetric } from './sweep-metric.js'

/** GraphQL `Sweep`; its runs are the project's runs whose `sweepName` is this sweep. */
export class SweepNode {
  constructor(
    private readonly ctx: GraphqlContext,
    private readonly row: SweepRow,
    private readonly projectRow: ProjectRow,
  ) {}

  get id(): string {
    return encodeId('Sweep', this.row.name, this.projectRow.name, this.projectRow.entity_name)
  }
  get name(): string {
    return this.row.name
  }
  get displayName(): string | null {
    return this.row.display_name
  }
  get method(): string {
    return this.row.method
  }
  get state(): string {
    return this.row.state
  }
  get description(): string | null {
    return this.row.description
  }
  /** Best value of the config's metric over the sweep's runs (min, or max when maximizing). */
  bestLoss(): number | null {
    const metric = sweepMetric(this.row.config)
    if (!metric) return this.row.best_loss
    const path = literal(jsonPath(metric.name.split('.'), '$metric'))
    const agg = metric.goal === 'maximize' ? 'max' : 'min'
    const row = sql<{ v: number | null }>(
      this.ctx.db,
      `SELECT ${agg}(json_extract(r.summary, ${path})) AS v FROM runs r WHERE r.project_id = ? AND r.sweep_name = ?
       AND json_type(r.summary, ${path}) IN ('integer', 'real')`,
    ).get(this.projectRow.id, this.row.name)
    return row?.v ?? null
  }
  /** The sweep configuration as YAML text. */
  get config(): string {
    return this.row.config
  }
  get createdAt(): string {
    return this.row.created_at
  }
  get updatedAt(): string {
    return this.row.updated_at
  }
  get heartbeatAt(): string {
    return this.row.updated_at
  }
  runCount(): number {
    return countRuns(this.ctx.db, this.ctx.indexer, this.projectRow.id, { sweep: this.row.name })
  }
  get runCountExpected(): number | null {
    return this.row.run_count_expected
  }
  project(): object {
    return this.ctx.nodes.project(this.projectRow)
  }
  user(): object | null {
    const user = this.row.user_id === null ? undefined : findUserById(this.ctx.db, this.row.user_id)
    return user ? this.ctx.nodes.user(user) : null
  }
  runs(args: {
    filters?: string | null
    order?: string | null
    first?: number | null
    after?: string | null
  }): unknown {
    const own = { sweep: this.row.name }
    const filters = args.filters ? { $and: [parseFilters(args.filters), own] } : own
    return runConnection(this.ctx, this.projectRow, { ...args, filters })
  }
}

function parseFilters(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new FilterError('filters is not valid JSON')
  }
}

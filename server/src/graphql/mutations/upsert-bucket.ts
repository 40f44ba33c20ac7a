import { checkName, findProject, NameError, upsertProject } from '../../store/projects.js'
import type { ProjectRow, RunRow } from '../../store/rows.js'
import { findRun, insertRun, updateRun } from '../../store/runs.js'
import { findSweep, upsertSweep } from '../../store/sweeps.js'
import { randomRunId } from '../../util/random-id.js'
import { assertEntityWritable, assertWritable, entityOrDefault, writableRunById } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { runFieldsOf, type UpsertBucketInput } from './run-input.js'

/** A writable project, created on first use like W&B does for `modelName` + `entityName`. */
export function writableProject(ctx: GraphqlContext, entityName: string, projectName: string): ProjectRow {
  const existing = findProject(ctx.db, entityName, projectName)
  if (existing) {
    assertWritable(ctx, existing)
    return existing
  }
  assertEntityWritable(ctx, entityName)
  try {
    return upsertProject(ctx.db, entityName, projectName).project
  } catch (error) {
    throw error instanceof NameError ? userError(error.message) : error
  }
}

/**
 * `upsertBucket`: create or update a run, by storage `id` or by `name` + `modelName` +
 * `entityName` (project auto-created, default project "uncategorized", random name when none).
 * `config` may be wrapped or plain; `summaryMetrics` replaces the whole summary.
 */
export function upsertBucket(args: { input: UpsertBucketInput }, ctx: GraphqlContext): unknown {
  const { input } = args
  const fields = runFieldsOf(input)
  const result = ctx.db.transaction((): { run: RunRow; project: ProjectRow; inserted: boolean } => {
    if (input.id) {
      const { project, run } = writableRunById(ctx, input.id)
      return { run: updateRun(ctx.db, run.id, fields), project, inserted: false }
    }
    const project = writableProject(
      ctx,
      entityOrDefault(ctx, input.entityName),
      input.modelName || 'uncategorized',
    )
    const name = input.name || randomRunId()
    try {
      checkName('run', name)
    } catch (error) {
      throw userError((error as Error).message)
    }
    const existing = findRun(ctx.db, project.id, name)
    if (fields.sweep_name && !findSweep(ctx.db, project.id, fields.sweep_name)) {
      upsertSweep(ctx.db, project.id, fields.sweep_name, ctx.viewer.id, {})
    }
    if (existing) return { run: updateRun(ctx.db, existing.id, fields), project, inserted: false }
    return { run: insertRun(ctx.db, project.id, name, ctx.viewer.id, fields), project, inserted: true }
  })()
  return {
    clientMutationId: input.clientMutationId ?? null,
    bucket: ctx.nodes.run(result.run, result.project),
    inserted: result.inserted,
    updateAvailable: false,
  }
}

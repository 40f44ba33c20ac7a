import { upsertSweep as storeUpsertSweep } from '../../store/sweeps.js'
import { decodeId } from '../../util/opaque-id.js'
import { randomRunId } from '../../util/random-id.js'
import { entityOrDefault } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { userError } from '../errors.js'
import { writableProject } from './upsert-bucket.js'

interface UpsertSweepInput {
  readonly clientMutationId?: string | null
  readonly id?: string | null
  readonly name?: string | null
  readonly entityName?: string | null
  readonly projectName?: string | null
  readonly config?: string | null
  readonly description?: string | null
  readonly displayName?: string | null
  readonly state?: string | null
}

const SWEEP_STATES = ['RUNNING', 'PAUSED', 'CANCELED', 'FINISHED', 'PENDING']

/** `upsertSweep`: create or update a sweep; `config` is its YAML text. */
export function upsertSweep(args: { input: UpsertSweepInput }, ctx: GraphqlContext): unknown {
  const { input } = args
  if (input.state != null && !SWEEP_STATES.includes(input.state)) {
    throw userError(`invalid sweep state ${JSON.stringify(input.state)} (one of ${SWEEP_STATES.join(', ')})`)
  }
  let entity = entityOrDefault(ctx, input.entityName)
  let projectName = input.projectName || 'uncategorized'
  let name = input.name || ''
  if (input.id) {
    const parts = decodeId('Sweep', input.id)
    if (!parts || parts.length !== 3) throw userError(`malformed sweep id ${JSON.stringify(input.id)}`)
    ;[name, projectName, entity] = parts as [string, string, string]
  }
  if (!name) name = randomRunId()
  const result = ctx.db.transaction(() => {
    const project = writableProject(ctx, entity, projectName)
    const { sweep, inserted } = storeUpsertSweep(ctx.db, project.id, name, ctx.viewer.id, {
      config: input.config ?? null,
      description: input.description ?? null,
      displayName: input.displayName ?? null,
      state: input.state ?? null,
    })
    return { sweep, project, inserted }
  })()
  return {
    clientMutationId: input.clientMutationId ?? null,
    sweep: ctx.nodes.sweep(result.sweep, result.project),
    inserted: result.inserted,
    configValidationWarnings: [],
    insertedPriorRuns: 0,
  }
}

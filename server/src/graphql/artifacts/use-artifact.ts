import { recordUse } from '../../store/artifacts.js'
import { findProject } from '../../store/projects.js'
import { findRun } from '../../store/runs.js'
import { assertWritable } from '../access.js'
import type { GraphqlContext } from '../context.js'
import { notFound } from '../errors.js'
import { readableArtifact } from './artifact-access.js'
import { artifactNodes } from './create-artifact-nodes.js'

interface UseArtifactInput {
  readonly clientMutationId?: string | null
  readonly entityName: string
  readonly projectName: string
  readonly runName: string
  readonly artifactID: string
  readonly usedAs?: string | null
}

/** `useArtifact`: records a run's input artifact (idempotent). */
export function useArtifact(_: unknown, args: { input: UseArtifactInput }, ctx: GraphqlContext): unknown {
  const { input } = args
  const project = findProject(ctx.db, input.entityName, input.projectName)
  const run = project && findRun(ctx.db, project.id, input.runName)
  if (!project || !run) throw notFound(`run ${input.entityName}/${input.projectName}/${input.runName}`)
  assertWritable(ctx, project)
  const found = readableArtifact(ctx, input.artifactID)
  if (!found) throw notFound(`artifact ${input.artifactID}`)
  recordUse(ctx.db, run.id, found.artifact.id, input.usedAs ?? null)
  return {
    clientMutationId: input.clientMutationId ?? null,
    artifact: artifactNodes(ctx).artifact(found.artifact),
    run: ctx.nodes.run(run, project),
  }
}

import type { Run } from 'wandb-rx'

const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/**
 * The Run paths the chart can group by: `group` and `jobType` when some run has one, then every
 * config key (nested keys dotted) holding a plain value in some run, sorted.
 */
export function groupPaths(runs: readonly Run[]): string[] {
  const config = new Set<string>()
  const visit = (node: Readonly<Record<string, unknown>>, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      if (isScalar(value)) config.add(`${prefix}.${key}`)
      else if (typeof value === 'object' && value !== null && !Array.isArray(value))
        visit(value as Record<string, unknown>, `${prefix}.${key}`)
    }
  }
  for (const run of runs) visit(run.config, 'config')
  const fields = (['group', 'jobType'] as const).filter((field) => runs.some((run) => run[field]))
  return [...fields, ...[...config].sort()]
}

/**
 * The `metric: {name, goal}` of a sweep's YAML config, read with a line scan (the server has no
 * YAML dependency; sweep configs put it as an indented block or a flow mapping).
 *
 * @example sweepMetric('method: bayes\nmetric:\n  name: val_loss\n  goal: minimize\n')
 * // { name: 'val_loss', goal: 'minimize' }
 */
export function sweepMetric(yaml: string): { name: string; goal: 'minimize' | 'maximize' } | undefined {
  const flow = /^metric:\s*\{([^}]*)\}/m.exec(yaml)
  const block = /^metric:\s*\n((?:[ \t]+.*\n?)+)/m.exec(yaml)
  const body = flow?.[1]?.replaceAll(',', '\n') ?? block?.[1]
  if (!body) return undefined
  const field = (key: string) => new RegExp(`^\\s*${key}:\\s*["']?([^"'\\s]+)`, 'm').exec(body)?.[1]
  const name = field('name')
  if (!name) return undefined
  return { name, goal: field('goal') === 'maximize' ? 'maximize' : 'minimize' }
}

import { FieldPathNode } from '../dsl/nodes/field-path-node.js'

// Only the orders W&B documents (`api.runs(order=…)`: created_at, heartbeat_at, config.*.value,
// summary_metrics.*). Other columns (name, display_name, state, …) may sort on some servers and
// not others, so they are never sent: those keys need `.sortLocally()`.
const TOP: Readonly<Record<string, string>> = {
  createdAt: 'created_at',
  heartbeatAt: 'heartbeat_at',
}
const SORTABLE = 'W&B documents run order only by createdAt, heartbeatAt, config.<key> and summary.<key>'

/**
 * The W&B `order` key (without its sign) for a Run path, or why it is not sent to the server.
 *
 * Summary keys with a `/` use W&B's bracketed form (wandb/wandb#10129); config keys keep `.value`,
 * which ordering requires.
 *
 * @example
 * ```ts
 * serverOrderKey(FieldPathNode.create(['summary', 'eval/loss'])) // { key: "summary_metrics['eval/loss']" }
 * serverOrderKey(FieldPathNode.create(['config', 'lr']))         // { key: 'config.lr.value' }
 * serverOrderKey(FieldPathNode.create(['name']))                 // { reason: 'W&B documents run order only by …' }
 * ```
 */
export function serverOrderKey(path: FieldPathNode): { readonly key: string } | { readonly reason: string } {
  const [root = '', key, ...rest] = path.segments
  const top = TOP[root]
  if (top && key === undefined) return { key: top }
  if ((root !== 'config' && root !== 'summary') || key === undefined) return { reason: SORTABLE }
  if (FieldPathNode.hasLiteralDots(path))
    return { reason: 'keys containing dots cannot be sorted on the server (wandb/wandb#3087)' }
  const slashed = [key, ...rest].some((segment) => segment.includes('/'))
  if (root === 'config')
    return slashed
      ? { reason: "config keys containing '/' cannot be sorted on the server" }
      : { key: ['config', key, 'value', ...rest].join('.') }
  if (!slashed) return { key: ['summary_metrics', key, ...rest].join('.') }
  if (rest.length > 0 || /['\\\]]/.test(key))
    return { reason: `summary key ${JSON.stringify(key)} cannot be written in W&B's bracketed order form` }
  return { key: `summary_metrics['${key}']` }
}

/**
 * The stored (wire) form of a run config: each value wrapped as `{ value, desc: null }`, the
 * way W&B's `run.update()` sends it, plus the SDK's own `_wandb` entry copied unchanged from the
 * stored config when it has one (it records the SDK version, runtime and metric definitions the
 * app relies on, and is hidden from `Run.config`). Keys whose value is `undefined` are left out.
 *
 * @example
 * ```ts
 * wrapConfig({ lr: 0.1 }, { _wandb: { value: { cli_version: '0.19' } } })
 * // { lr: { value: 0.1, desc: null }, _wandb: { value: { cli_version: '0.19' } } }
 * ```
 */
export function wrapConfig(
  config: Readonly<Record<string, unknown>>,
  stored: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const wire: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined && key !== '_wandb') wire[key] = { value, desc: null }
  }
  if (stored['_wandb'] !== undefined) wire['_wandb'] = stored['_wandb']
  return wire
}

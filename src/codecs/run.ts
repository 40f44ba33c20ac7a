import type { RunNode } from './run-node-codec.js'

/** Run states W&B reports. `running` and `pending` are live; the others are terminal or transitional. */
export type RunState =
  | 'running'
  | 'finished'
  | 'crashed'
  | 'failed'
  | 'killed'
  | 'preempting'
  | 'preempted'
  | 'pending'
  | (string & {})

/** The user who owns a run. */
export interface RunUser {
  readonly name: string | null
  readonly username: string | null
}

/**
 * A W&B run as plain, frozen data: Python `Run` attribute names in camelCase.
 *
 * Operations live on handles (`api.run(run)`), so a `Run` can be filtered with mingo, serialized
 * and compared like any value. `config` holds unwrapped values (`{ lr: 0.1 }`, not
 * `{ lr: { value: 0.1 } }`), without W&B's internal `_wandb` and `wandb_version` keys.
 *
 * Runs listed with `.lazy()` carry empty `config`, `summary` and `systemMetrics`.
 *
 * @example
 * ```ts
 * const run: Run = await api.run('my-team/mnist/1a2b3c4d').get()
 * run.config.lr        // 0.001
 * run.summary.loss     // 0.043
 * run.path             // 'my-team/mnist/1a2b3c4d'
 * ```
 */
export interface Run {
  /** The short run id used in paths (W&B's GraphQL `name`). */
  readonly id: string
  /** The display name (W&B's GraphQL `displayName`). */
  readonly name: string
  /** The opaque GraphQL id that mutations take. */
  readonly storageId: string
  readonly entity: string
  readonly project: string
  /** `entity/project/id`, accepted by `api.run(path)`. */
  readonly path: string
  /** The run's page in the W&B app. */
  readonly url: string
  readonly state: RunState
  readonly config: Readonly<Record<string, unknown>>
  readonly summary: Readonly<Record<string, unknown>>
  readonly systemMetrics: Readonly<Record<string, unknown>>
  readonly tags: readonly string[]
  readonly notes: string | null
  readonly group: string | null
  readonly jobType: string | null
  /** The id of the sweep that created this run, or null. */
  readonly sweepName: string | null
  readonly commit: string | null
  readonly createdAt: Date
  /** The last heartbeat; `createdAt` for a run that never sent one. */
  readonly heartbeatAt: Date
  readonly historyLineCount: number
  /** The last `_step` logged, or -1 when unknown or nothing was logged. */
  readonly lastHistoryStep: number
  readonly user: RunUser | null
}

/** Where a run node was read from: what the node itself does not say. */
export interface RunContext {
  readonly entity: string
  readonly project: string
  /** The app (UI) base URL, e.g. `https://wandb.ai`. */
  readonly appUrl: string
}

const INTERNAL_CONFIG_KEYS = new Set(['_wandb', 'wandb_version'])

/**
 * Unwraps W&B's stored config form `{ k: { value, desc } }` to `{ k: value }` and drops the
 * SDK's internal keys. Values that are not wrapped (the JS logger's plain form) pass through.
 */
export function unwrapConfig(stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const config: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(stored)) {
    if (INTERNAL_CONFIG_KEYS.has(key)) continue
    const wrapped = typeof entry === 'object' && entry !== null && !Array.isArray(entry) && 'value' in entry
    config[key] = wrapped ? (entry as { value: unknown }).value : entry
  }
  return config
}

const lastStepOf = (historyKeys: Readonly<Record<string, unknown>> | null | undefined): number => {
  const step = historyKeys?.['lastStep']
  return typeof step === 'number' && Number.isFinite(step) ? step : -1
}

/** The app URL of a run: `{appUrl}/{entity}/{project}/runs/{id}`, each part URL-encoded. */
export const runUrl = (context: RunContext, id: string): string =>
  `${context.appUrl}/${encodeURIComponent(context.entity)}/${encodeURIComponent(context.project)}/runs/${encodeURIComponent(id)}`

/**
 * Builds the user-facing, deeply frozen {@link Run} from a decoded node and where it came from.
 *
 * @example
 * ```ts
 * toRun(node, { entity: 'team', project: 'mnist', appUrl: 'https://wandb.ai' }).path // 'team/mnist/<id>'
 * ```
 */
export function toRun(node: RunNode, context: RunContext): Run {
  const run: Run = {
    id: node.name,
    name: node.displayName ?? node.name,
    storageId: node.id,
    entity: context.entity,
    project: context.project,
    path: `${context.entity}/${context.project}/${node.name}`,
    url: runUrl(context, node.name),
    state: node.state ?? 'unknown',
    config: unwrapConfig(node.config ?? {}),
    summary: node.summaryMetrics ?? {},
    systemMetrics: node.systemMetrics ?? {},
    tags: node.tags ?? [],
    notes: node.notes ?? null,
    group: node.group ?? null,
    jobType: node.jobType ?? null,
    sweepName: node.sweepName ?? null,
    commit: node.commit ?? null,
    createdAt: node.createdAt,
    heartbeatAt: node.heartbeatAt ?? node.createdAt,
    historyLineCount: node.historyLineCount ?? 0,
    lastHistoryStep: lastStepOf(node.historyKeys),
    user: node.user ? { name: node.user.name ?? null, username: node.user.username ?? null } : null,
  }
  return deepFreeze(run)
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

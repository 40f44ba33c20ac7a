import { FieldPathNode } from '../dsl/nodes/field-path-node.js'

/**
 * How W&B's server sees a Run field, which decides what can be pushed down:
 * - `identity`: always-present strings from fixed vocabularies (`id`, `state`)
 * - `nullable`: strings that may be null on the server (`name`, `group`, `jobType`, `sweepName`, `user.username`)
 * - `tags`: the string array
 * - `date`: `createdAt`, `heartbeatAt` (Dates on the Run, ISO strings on the server)
 * - `json`: keys of `config` and `summary`
 * - `client`: everything the server cannot address (`systemMetrics`, `notes`, `url`, …)
 *
 * @internal
 */
export type FieldClass = 'identity' | 'nullable' | 'tags' | 'date' | 'json' | 'client'

/** A Run path mapped to the server's filter path, or `serverPath: null` and why not. *
 * @internal
 */
export interface ServerField {
  readonly fieldClass: FieldClass
  readonly serverPath: string | null
  readonly reason: string | null
  /** Where the Run value comes from when `serverPath` is null on the server (`name` → the id, `heartbeatAt` → `createdAt`). */
  readonly fallbackPath?: string
}

const TOP: Readonly<Record<string, readonly [FieldClass, string]>> = {
  id: ['identity', 'name'],
  state: ['identity', 'state'],
  group: ['nullable', 'group'],
  jobType: ['nullable', 'jobType'],
  sweepName: ['nullable', 'sweep'],
  tags: ['tags', 'tags'],
  createdAt: ['date', 'createdAt'],
  heartbeatAt: ['date', 'heartbeatAt'],
}

/** Config keys the Run never holds (the codec strips them), though the server does. */
const STRIPPED_CONFIG_KEYS = new Set(['_wandb', 'wandb_version'])

const client = (reason: string): ServerField => ({ fieldClass: 'client', serverPath: null, reason })

/**
 * Maps a path in Run field names to W&B's filter path: `id`→`name`, `name`→`display_name`,
 * `config.k`→`config.k.value`, `summary.k`→`summary_metrics.k`, `sweepName`→`sweep`,
 * `user.username`→`username`.
 *
 * @example
 * ```ts
 * serverField(FieldPathNode.create(['config', 'opt', 'lr']))
 * // { fieldClass: 'json', serverPath: 'config.opt.value.lr', reason: null }
 * serverField(FieldPathNode.create(['systemMetrics', 'gpu']))
 * // { fieldClass: 'client', serverPath: null, reason: "W&B's server cannot filter on systemMetrics" }
 * ```
 */
export function serverField(path: FieldPathNode): ServerField {
  const [root = '', key, ...rest] = path.segments
  const top = TOP[root]
  // The codec fills these from another column when the server's is null: push both (a superset).
  if (root === 'name' && key === undefined)
    return { fieldClass: 'nullable', serverPath: 'display_name', reason: null, fallbackPath: 'name' }
  if (root === 'heartbeatAt' && key === undefined)
    return { fieldClass: 'date', serverPath: 'heartbeatAt', reason: null, fallbackPath: 'createdAt' }
  if (top && key === undefined) return { fieldClass: top[0], serverPath: top[1], reason: null }
  if (root === 'user' && key === 'username' && rest.length === 0)
    return { fieldClass: 'nullable', serverPath: 'username', reason: null }
  if ((root === 'config' || root === 'summary') && key !== undefined) {
    if (FieldPathNode.hasLiteralDots(path))
      return client(
        'W&B splits filter paths on every dot, so a key containing a dot cannot be addressed on the server (wandb/wandb#3087)',
      )
    if ([key, ...rest].some((segment) => /^\d+$/.test(segment)))
      return client('numeric path segments (array indexes) run on the client')
    if (root === 'config' && STRIPPED_CONFIG_KEYS.has(key))
      return client(`config.${key} is internal to W&B and never present on a Run`)
    return root === 'config'
      ? { fieldClass: 'json', serverPath: ['config', key, 'value', ...rest].join('.'), reason: null }
      : { fieldClass: 'json', serverPath: ['summary_metrics', key, ...rest].join('.'), reason: null }
  }
  return client(`W&B's server cannot filter on ${FieldPathNode.toString(path)}`)
}

import type { Run } from '../codecs/run.js'
import { parseSweepConfig, sweepMetric, type SweepMetric } from '../codecs/sweep-config.js'
import type { SweepNode } from '../codecs/sweep-codec.js'
import { createRunsQuery } from '../dsl/builders/create-runs-query.js'
import type { OrderKey, RunsQuery } from '../dsl/builders/runs-query.js'
import type { ApiContext } from '../internal/api-context.js'
import { createRunsRuntime } from '../streams/runs-runtime.js'

/** Options of `sweep.bestRun()`. */
export interface BestRunOptions {
  /**
   * The order that ranks runs, e.g. `'-summary.val_acc'`. Default: from the config's metric,
   * `+summary.<name>` for `minimize` (W&B's default goal), `-summary.<name>` for `maximize`; the
   * most recent run when the config names no metric.
   */
  readonly order?: OrderKey
}

/**
 * A W&B sweep: plain frozen data (Python `Sweep` attributes in camelCase) plus `runs()` and
 * `bestRun()`. `config` is the parsed YAML; `configYaml` the text as stored.
 *
 * @example
 * ```ts
 * const sweep = await api.sweep('team/mnist/abc123')
 * sweep.state      // 'RUNNING'
 * sweep.config.metric // { name: 'val_loss', goal: 'minimize' }
 * const best = await sweep.bestRun()
 * const fast = await sweep.runs().where({ 'summary.epoch_time': { $lt: 30 } }).orderBy('+createdAt').toArray()
 * ```
 */
export interface Sweep {
  /** The short sweep id used in paths (W&B's GraphQL `name`). */
  readonly id: string
  /** The opaque GraphQL id. */
  readonly storageId: string
  /** The config's `name`, else the id (Python `sweep.name`). */
  readonly name: string
  readonly displayName: string | null
  /** `grid`, `random`, `bayes`, … (from the server, else the config). */
  readonly method: string | null
  /** `RUNNING`, `PAUSED`, `CANCELED`, `FINISHED`, `PENDING`. */
  readonly state: string | null
  readonly description: string | null
  /** The best metric value the server computed over the sweep's runs. */
  readonly bestLoss: number | null
  readonly config: Readonly<Record<string, unknown>>
  readonly configYaml: string
  /** The config's metric, with goal defaulted to `minimize`. */
  readonly metric: SweepMetric | undefined
  readonly runCount: number | null
  readonly runCountExpected: number | null
  readonly createdAt: Date | null
  readonly updatedAt: Date | null
  readonly entity: string
  readonly project: string
  /** `entity/project/id`, accepted by `api.sweep(path)`. */
  readonly path: string
  /** The sweep's page in the W&B app. */
  readonly url: string
  /** The sweep's runs as a runs query (pre-filtered on the sweep; `.where/.orderBy` compose). */
  runs(): RunsQuery
  /** The best run by `order` (default: the config's metric), or undefined when there is none. */
  bestRun(options?: BestRunOptions): Promise<Run | undefined>
}

/**
 * Builds a {@link Sweep} from a decoded node and where it was read.
 *
 * @example
 * ```ts
 * toSweep(ctx, node, { entity: 'team', project: 'mnist' }).path // 'team/mnist/abc123'
 * ```
 */
export function toSweep(ctx: ApiContext, node: SweepNode, where: { entity: string; project: string }): Sweep {
  const config = deepFreeze(parseSweepConfig(node.config))
  const metric = sweepMetric(config)
  const { entity, project } = where
  const runs = (): RunsQuery =>
    createRunsQuery({
      entity,
      project,
      runtime: createRunsRuntime(ctx),
      extraFilter: { sweepName: node.name },
    })
  const configName = config['name']
  const configMethod = config['method']
  return Object.freeze({
    id: node.name,
    storageId: node.id,
    name: typeof configName === 'string' && configName !== '' ? configName : node.name,
    displayName: node.displayName ?? null,
    method: node.method ?? (typeof configMethod === 'string' ? configMethod : null),
    state: node.state ?? null,
    description: node.description ?? null,
    bestLoss: node.bestLoss ?? null,
    config,
    configYaml: node.config ?? '',
    metric: metric && Object.freeze(metric),
    runCount: node.runCount ?? null,
    runCountExpected: node.runCountExpected ?? null,
    createdAt: node.createdAt ?? null,
    updatedAt: node.updatedAt ?? null,
    entity,
    project,
    path: `${entity}/${project}/${node.name}`,
    url: `${ctx.appUrl}/${[entity, project, 'sweeps', node.name].map(encodeURIComponent).join('/')}`,
    runs,
    bestRun: (options: BestRunOptions = {}) => bestRun(runs(), metric, options),
  })
}

/**
 * PROTOCOL §8 `best_run`: one run (per page 1) in the metric's order. Runs that never logged
 * the metric are left out; W&B would sort them first on an ascending order.
 */
function bestRun(
  runs: RunsQuery,
  metric: SweepMetric | undefined,
  options: BestRunOptions,
): Promise<Run | undefined> {
  const order: OrderKey | undefined =
    options.order ?? (metric && `${metric.goal === 'maximize' ? '-' : '+'}summary.${metric.name}`)
  if (order === undefined) return runs.orderBy('-createdAt').perPage(1).limit(1).first()
  const field = typeof order === 'string' ? order.replace(/^[+-]/, '') : undefined
  const ranked =
    field && /^(summary|config)\./.test(field) ? runs.where({ [field]: { $exists: true } }) : runs
  return ranked.orderBy(order).perPage(1).limit(1).first()
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

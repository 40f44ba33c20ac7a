import type { Run, RunUser } from '../codecs/run.js'

/**
 * What {@link makeRun} accepts: any Run fields; dates may be ISO strings; `user` may be partial.
 *
 * @example
 * ```ts
 * const input: MakeRunInput = { createdAt: '2024-05-01T00:00:00Z', user: { username: 'ada' } }
 * ```
 */
export type MakeRunInput = Partial<Omit<Run, 'user' | 'createdAt' | 'heartbeatAt'>> & {
  readonly user?: Partial<RunUser> | null
  readonly createdAt?: Date | string
  readonly heartbeatAt?: Date | string
}

const DEFAULT_CREATED_AT = '2024-01-01T00:00:00.000Z'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

function deepMerge(
  base: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key]
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value
  }
  return merged
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

const toDate = (value: Date | string): Date =>
  value instanceof Date ? new Date(value.getTime()) : new Date(value)

/**
 * Builds a frozen fixture {@link Run} for unit tests: sensible defaults (a finished run of
 * `entity/project` created 2024-01-01), with `config`, `summary` and `systemMetrics` deep-merged
 * over those of `base` when one is given. `path`, `url` and `storageId` follow `entity`, `project`
 * and `id` unless given.
 *
 * @example
 * ```ts
 * const run = makeRun({ id: 'a1', config: { lr: 0.1 }, summary: { loss: 0.05 }, tags: ['baseline'] })
 * run.path                                         // 'entity/project/a1'
 * compileFilter({ 'summary.loss': { $lt: 0.1 } }).test(run) // true
 * makeRun({ config: { opt: { beta: 0.9 } } }, run).config  // { lr: 0.1, opt: { beta: 0.9 } }
 * ```
 */
export function makeRun(input: MakeRunInput = {}, base?: Run): Run {
  const id = input.id ?? base?.id ?? 'run0001'
  const entity = input.entity ?? base?.entity ?? 'entity'
  const project = input.project ?? base?.project ?? 'project'
  const createdAt = toDate(input.createdAt ?? base?.createdAt ?? DEFAULT_CREATED_AT)
  const user =
    input.user === null || (input.user === undefined && base?.user === null)
      ? null
      : { name: 'Test User', username: 'test-user', ...(base?.user ?? {}), ...(input.user ?? {}) }
  const run: Run = {
    id,
    name: input.name ?? base?.name ?? `run-${id}`,
    storageId: input.storageId ?? btoa(`Run:v1:${id}:${project}:${entity}`),
    entity,
    project,
    path: input.path ?? `${entity}/${project}/${id}`,
    url:
      input.url ??
      `https://wandb.ai/${encodeURIComponent(entity)}/${encodeURIComponent(project)}/runs/${encodeURIComponent(id)}`,
    state: input.state ?? base?.state ?? 'finished',
    config: deepMerge(base?.config ?? {}, input.config ?? {}),
    summary: deepMerge(base?.summary ?? {}, input.summary ?? {}),
    systemMetrics: deepMerge(base?.systemMetrics ?? {}, input.systemMetrics ?? {}),
    tags: [...(input.tags ?? base?.tags ?? [])],
    notes: input.notes !== undefined ? input.notes : (base?.notes ?? null),
    group: input.group !== undefined ? input.group : (base?.group ?? null),
    jobType: input.jobType !== undefined ? input.jobType : (base?.jobType ?? null),
    sweepName: input.sweepName !== undefined ? input.sweepName : (base?.sweepName ?? null),
    commit: input.commit !== undefined ? input.commit : (base?.commit ?? null),
    createdAt,
    heartbeatAt: toDate(input.heartbeatAt ?? base?.heartbeatAt ?? createdAt),
    historyLineCount: input.historyLineCount ?? base?.historyLineCount ?? 0,
    lastHistoryStep: input.lastHistoryStep ?? base?.lastHistoryStep ?? -1,
    user,
  }
  return deepFreeze(run)
}

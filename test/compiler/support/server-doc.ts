import type { Run } from '../../../src/codecs/run.js'

/** How the stand-in server stores dates: full ISO (`…sssZ`) or W&B's `YYYY-MM-DDTHH:MM:SS`. */
export type DateFormat = 'iso' | 'wandb'

const formatDate = (date: Date, format: DateFormat) =>
  format === 'iso' ? date.toISOString() : date.toISOString().slice(0, 19)

/**
 * A run as W&B's server holds it, in server field names: `name` is the run id, `display_name` the
 * display name, config values wrapped in `{ value, desc }`, summary under `summary_metrics`,
 * dates as strings, nullable columns as null.
 */
export function toServerDoc(run: Run, format: DateFormat = 'iso'): Record<string, unknown> {
  return {
    name: run.id,
    // The codec shows the id when display_name is null; model that case as the server sees it.
    display_name: run.name === run.id ? null : run.name,
    state: run.state,
    tags: [...run.tags],
    group: run.group,
    jobType: run.jobType,
    sweep: run.sweepName,
    username: run.user?.username ?? null,
    createdAt: formatDate(run.createdAt, format),
    // The codec uses createdAt when heartbeatAt is null; model that case as the server sees it.
    heartbeatAt:
      run.heartbeatAt.getTime() === run.createdAt.getTime() ? null : formatDate(run.heartbeatAt, format),
    config: Object.fromEntries(Object.entries(run.config).map(([k, v]) => [k, { value: v, desc: null }])),
    summary_metrics: run.summary,
  }
}

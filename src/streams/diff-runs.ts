import type { Run } from '../codecs/run.js'
import type { LiveEvent } from '../dsl/runs-query-runtime.js'
import { sameJson } from './same-json.js'

/**
 * The `added` / `changed` / `removed` events that turn one poll's runs into the next's. A run
 * counts as changed when its heartbeat, state or summary differ (what moves while it runs);
 * runs are matched by path. Added and changed follow the new order, removed the old.
 *
 * @example
 * ```ts
 * diffRuns(new Map([[a.path, a]]), [aLater, b]) // [{ type: 'changed', run: aLater }, { type: 'added', run: b }]
 * ```
 */
export function diffRuns(previous: ReadonlyMap<string, Run>, current: readonly Run[]): LiveEvent[] {
  const events: LiveEvent[] = []
  const seen = new Set<string>()
  for (const run of current) {
    seen.add(run.path)
    const before = previous.get(run.path)
    if (before === undefined) events.push({ type: 'added', run })
    else if (hasMoved(before, run)) events.push({ type: 'changed', run })
  }
  for (const [path, run] of previous) if (!seen.has(path)) events.push({ type: 'removed', run })
  return events
}

const hasMoved = (before: Run, after: Run): boolean =>
  before.state !== after.state ||
  before.heartbeatAt.getTime() !== after.heartbeatAt.getTime() ||
  !sameJson(before.summary, after.summary)

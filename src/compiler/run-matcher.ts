import { Query } from 'mingo/query'
import type { Run } from '../codecs/run.js'
import { mingoContextFor } from './mingo-context.js'
import type { Criteria } from './pushdown.js'

/**
 * Compiles mingo criteria over {@link Run} objects once and returns the predicate to call per run.
 * `{}` matches every run without building a query.
 *
 * @example
 * ```ts
 * const test = runMatcher({ 'summary.loss': { $lt: 0.2 } })
 * test(makeRun({ summary: { loss: 0.1 } })) // true
 * ```
 */
export function runMatcher(criteria: Criteria): (run: Run) => boolean {
  if (Object.keys(criteria).length === 0) return () => true
  const query = new Query<Run>(criteria as never, {
    context: mingoContextFor(criteria),
    scriptEnabled: false,
  })
  return (run) => query.test(run)
}

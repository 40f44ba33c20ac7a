import { formatCriteria } from './format-criteria.js'
import type { CompiledRunsQuery } from './compiled-runs-query.js'

/**
 * Renders a compiled query for humans: what W&B's server runs, what the client re-checks and why,
 * the order, paging and the run fields fetched.
 *
 * @example
 * ```ts
 * explainRunsQuery(api.runs('team/mnist').where({ 'summary.loss': { $lt: 0.2 } }).limit(10).compile(), [])
 * // runs of team/mnist
 * // server filter: {"summary_metrics.loss":{"$lt":0.2}}
 * // client residual: {"summary.loss":{"$lt":0.2}}
 * //   - {"summary.loss":{"$lt":0.2}} -> server+client: numeric comparison: pushed as a pre-filter and re-checked …
 * // order: +created_at (server)
 * // paging: 50 runs per page; stop after 10 runs pass the residual
 * // fields: RunFields (full)
 * ```
 */
export function explainRunsQuery(
  query: Omit<CompiledRunsQuery, 'explain'>,
  notes: readonly string[],
): string {
  const { variables: v } = query
  const lines = [`runs of ${v.entity ?? '<default entity>'}/${v.project}`]
  lines.push(`server filter: ${v.filters === '{}' ? 'none (all runs)' : v.filters}`)
  lines.push(`client residual: ${query.residual ? formatCriteria(query.residual) : 'none'}`)
  for (const p of query.placements)
    lines.push(`  - ${p.conjunct} -> ${p.placement}${p.reason ? `: ${p.reason}` : ''}`)
  lines.push(
    query.clientSort
      ? `order: client sort by ${query.clientSort.keys.map((k) => `${k.direction === 'asc' ? '+' : '-'}${k.path}`).join(', ')} after reading every match (at most ${query.clientSort.maxRuns} runs); server pages by ${v.order}`
      : `order: ${v.order} (server)`,
  )
  const limit =
    query.limit === null
      ? ''
      : query.residual
        ? `; stop after ${query.limit} runs pass the residual`
        : `; stop after ${query.limit} runs`
  lines.push(
    `paging: ${v.perPage} runs per page${v.cursor ? `, resuming after cursor ${v.cursor}` : ''}${limit}`,
  )
  lines.push(
    `fields: ${query.lazy ? 'LightRunFields (lazy: config, summary and systemMetrics are empty)' : 'RunFields (full)'}`,
  )
  return [...lines, ...notes.map((note) => `note: ${note}`)].join('\n')
}

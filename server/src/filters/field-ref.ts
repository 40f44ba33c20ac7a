import { FilterError } from './filter-error.js'

/**
 * Where a filter/order field lives in the `runs` table.
 * - `text` / `date` / `number`: a scalar SQL expression over one row
 * - `json`: a path into the JSONB `config` or `summary` column
 * - `tags`: membership in the JSON array of tags
 */
export type FieldRef =
  | { readonly kind: 'text' | 'date' | 'number'; readonly sql: string }
  | { readonly kind: 'json'; readonly column: 'config' | 'summary'; readonly path: string }
  | { readonly kind: 'tags' }

const column = (kind: 'text' | 'date', name: string): FieldRef => ({ kind, sql: `r.${name}` })

const SCALARS: Readonly<Record<string, FieldRef>> = {
  name: column('text', 'name'),
  displayName: column('text', 'display_name'),
  display_name: column('text', 'display_name'),
  state: column('text', 'state'),
  group: column('text', 'group_name'),
  jobType: column('text', 'job_type'),
  job_type: column('text', 'job_type'),
  sweep: column('text', 'sweep_name'),
  sweepName: column('text', 'sweep_name'),
  host: column('text', 'host'),
  notes: column('text', 'notes'),
  description: column('text', 'description'),
  commit: column('text', 'commit_hash'),
  createdAt: column('date', 'created_at'),
  created_at: column('date', 'created_at'),
  heartbeatAt: column('date', 'heartbeat_at'),
  heartbeat_at: column('date', 'heartbeat_at'),
  updatedAt: column('date', 'updated_at'),
  updated_at: column('date', 'updated_at'),
  username: { kind: 'text', sql: '(SELECT u.username FROM users u WHERE u.id = r.user_id)' },
  duration: { kind: 'number', sql: '((julianday(r.heartbeat_at) - julianday(r.created_at)) * 86400.0)' },
  tags: { kind: 'tags' },
}

/** A SQLite JSON path with every segment quoted (`$."lr"."value"`), so any key text is safe. */
export function jsonPath(segments: readonly string[], where: string): string {
  for (const segment of segments) {
    if (segment === '' || segment.includes('"')) {
      throw new FilterError(`unsupported key segment ${JSON.stringify(segment)}`, where)
    }
  }
  return `$${segments.map((s) => `."${s}"`).join('')}`
}

/**
 * Resolves a W&B filter field name. `config.<k>` and `config.<k>.value` both mean the stored
 * value of config key `<k>` (config is kept in the wrapped `{k: {value}}` form); further dots
 * walk into nested values. `summary_metrics.a.b` walks nested summary objects.
 */
export function resolveField(field: string, where: string): FieldRef {
  const scalar = Object.hasOwn(SCALARS, field) ? SCALARS[field] : undefined
  if (scalar) return scalar
  const [head, ...rest] = field.split('.')
  if (head === 'config' && rest.length > 0) {
    const [key, ...inner] = rest as [string, ...string[]]
    const tail = inner[0] === 'value' ? inner.slice(1) : inner
    return { kind: 'json', column: 'config', path: jsonPath([key, 'value', ...tail], where) }
  }
  if ((head === 'summary_metrics' || head === 'summaryMetrics') && rest.length > 0) {
    return { kind: 'json', column: 'summary', path: jsonPath(rest, where) }
  }
  throw new FilterError(
    `unsupported field ${JSON.stringify(field)} (use name, displayName, state, tags, group, jobType, ` +
      'createdAt, heartbeatAt, username, sweep, config.<key>, summary_metrics.<key>)',
    where,
  )
}

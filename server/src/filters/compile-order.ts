import { FilterError } from './filter-error.js'
import { jsonPath } from './field-ref.js'
import { literal, type JsonRef } from './sql-fragment.js'

/** A parsed run order: a sort expression over `runs r`, its direction and its normal text form. */
export interface CompiledOrder {
  readonly key: string
  readonly expr: string
  readonly desc: boolean
  readonly jsonRef?: JsonRef
}

const COLUMNS: Readonly<Record<string, string>> = {
  created_at: 'r.created_at',
  createdAt: 'r.created_at',
  heartbeat_at: 'r.heartbeat_at',
  heartbeatAt: 'r.heartbeat_at',
  updated_at: 'r.updated_at',
  updatedAt: 'r.updated_at',
  name: 'r.name',
  display_name: 'r.display_name',
  displayName: 'r.display_name',
  state: 'r.state',
}

/**
 * Parses a W&B order string: `+`/`-` (none = ascending) then a key. Empty means `+created_at`.
 * The run id is always appended by the caller as a unique tie-breaker in the same direction.
 *
 * @example
 * compileOrder('-summary_metrics.loss') // { key: '-summary_metrics.loss', desc: true,
 * //   expr: `json_extract(r.summary, '$."loss"')`, jsonRef: { column: 'summary', path: '$."loss"' } }
 */
export function compileOrder(order: string | null | undefined): CompiledOrder {
  const text = (order ?? '').trim() || '+created_at'
  const desc = text.startsWith('-')
  const name = /^[+-]/.test(text) ? text.slice(1) : text
  const key = `${desc ? '-' : '+'}${name}`
  const column = Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : undefined
  if (column) return { key, expr: column, desc }
  const [head, ...rest] = name.split('.')
  let ref: JsonRef | undefined
  if ((head === 'summary_metrics' || head === 'summaryMetrics') && rest.length > 0) {
    ref = { column: 'summary', path: jsonPath(rest, '$order') }
  } else if (head === 'config' && rest.length > 0) {
    const [k, ...inner] = rest as [string, ...string[]]
    ref = {
      column: 'config',
      path: jsonPath([k, 'value', ...(inner[0] === 'value' ? inner.slice(1) : inner)], '$order'),
    }
  }
  if (!ref) {
    throw new FilterError(
      `unsupported order key ${JSON.stringify(name)} (use created_at, heartbeat_at, name, display_name, ` +
        'summary_metrics.<key> or config.<key>.value)',
      '$order',
    )
  }
  return { key, expr: `json_extract(r.${ref.column}, ${literal(ref.path)})`, desc, jsonRef: ref }
}

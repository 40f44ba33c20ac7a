import type { FilterValue, PredicateNode } from '../dsl/nodes/predicate-node.js'
import { Pushdown } from './pushdown.js'
import { regexPushdown } from './regex-pushdown.js'
import { isServerDate, serverDateBounds } from './server-date.js'
import { serverField, type FieldClass } from './server-field.js'

const MISSING_SEMANTICS =
  'W&B may treat missing and null values differently from mingo, so this runs on the client'
const NUMERIC_RANGE =
  "numeric comparison: pushed as a pre-filter and re-checked (the server's ordering across value types may differ)"
const DATE_RANGE =
  'Date comparison: pushed widened by a second (the server compares ISO strings) and re-checked exactly'
const FALLBACK =
  'the Run fills this field from another column when the server has none (name from the id, heartbeatAt from createdAt), so both are pushed and re-checked'
const REGEX_SUPERSET =
  "regex: pushed as an RE2 pre-filter and re-checked (the server's collation may be case-insensitive)"

/** A literal the server compares exactly like mingo, for this kind of field. */
function isExactScalar(fieldClass: FieldClass, value: FilterValue): boolean {
  if (fieldClass === 'json')
    return (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    )
  return (
    (fieldClass === 'identity' || fieldClass === 'nullable' || fieldClass === 'tags') &&
    typeof value === 'string'
  )
}

const isList = (value: FilterValue): value is readonly FilterValue[] => Array.isArray(value)

/**
 * The pushdown rule for one predicate: exact, superset (pushed and re-checked) or client only;
 * each non-exact result says why (shown by `explain()`).
 *
 * @example
 * ```ts
 * pushPredicate(eq('state', 'finished'))      // { server: { state: 'finished' }, exact: true }
 * pushPredicate(lt('summary.loss', 0.2))      // { server: { 'summary_metrics.loss': { $lt: 0.2 } }, exact: false, … }
 * pushPredicate(ne('group', 'a'))             // { server: null, exact: false, reason: 'W&B may treat missing …' }
 * ```
 */
export function pushPredicate(node: PredicateNode): Pushdown {
  const field = serverField(node.path)
  if (field.serverPath === null) return Pushdown.client(field.reason ?? 'not addressable on the server')
  const pushed = pushAt(field.fieldClass, field.serverPath, node)
  if (!field.fallbackPath || !pushed.server) return pushed
  // The Run value is `display_name ?? name` (or `heartbeatAt ?? createdAt`): OR both columns, a superset.
  const fallback = pushAt(field.fieldClass, field.fallbackPath, node)
  return fallback.server
    ? Pushdown.superset({ $or: [pushed.server, fallback.server] }, FALLBACK)
    : Pushdown.client(fallback.reason ?? FALLBACK)
}

function pushAt(fieldClass: FieldClass, at: string, node: PredicateNode): Pushdown {
  const { operator, value } = node
  switch (operator) {
    case '$eq':
      if (fieldClass === 'date' && value instanceof Date && isServerDate(value)) {
        const { after, before } = serverDateBounds(value)
        return Pushdown.superset({ [at]: { $gt: after, $lt: before } }, DATE_RANGE)
      }
      return isExactScalar(fieldClass, value)
        ? Pushdown.exact({ [at]: value })
        : Pushdown.client(`${describe(value)} equality ${clientWhy(value)}`)
    case '$ne':
    case '$nin': {
      const values = operator === '$ne' ? [value] : isList(value) ? value : []
      const ok = fieldClass === 'identity' && values.length > 0 && values.every((v) => typeof v === 'string')
      return ok
        ? Pushdown.exact({ [at]: { [operator]: value } })
        : Pushdown.client(`${operator}: ${MISSING_SEMANTICS}`)
    }
    case '$in': {
      const ok =
        fieldClass !== 'date' &&
        isList(value) &&
        value.length > 0 &&
        value.every((v) => isExactScalar(fieldClass, v))
      return ok
        ? Pushdown.exact({ [at]: { $in: value } })
        : Pushdown.client('$in with null, RegExp, Date or empty lists runs on the client')
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      if (fieldClass === 'json' && typeof value === 'number' && Number.isFinite(value))
        return Pushdown.superset({ [at]: { [operator]: value } }, NUMERIC_RANGE)
      if (fieldClass === 'date' && value instanceof Date && isServerDate(value)) {
        const { after, before } = serverDateBounds(value)
        const bound = operator === '$gt' || operator === '$gte' ? { $gt: after } : { $lt: before }
        return Pushdown.superset({ [at]: bound }, DATE_RANGE)
      }
      return Pushdown.client(
        `${operator} on ${describe(value)} values runs on the client (W&B orders strings by its own collation)`,
      )
    case '$exists':
      return fieldClass === 'json'
        ? Pushdown.exact({ [at]: { $exists: value } })
        : Pushdown.client(`$exists on ${fieldClass} fields: ${MISSING_SEMANTICS}`)
    case '$regex': {
      if (fieldClass === 'date' || !(value instanceof RegExp))
        return Pushdown.client('$regex on a Date runs on the client')
      const regex = regexPushdown(value)
      return 'pattern' in regex
        ? Pushdown.superset({ [at]: { $regex: regex.pattern } }, REGEX_SUPERSET)
        : Pushdown.client(regex.reason)
    }
    default:
      return Pushdown.client(`${operator} is not supported by W&B's server`)
  }
}

function describe(value: FilterValue): string {
  if (value === null) return 'null'
  if (value instanceof Date) return 'Date'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return typeof value
}

const clientWhy = (value: FilterValue): string =>
  value === null
    ? `runs on the client: ${MISSING_SEMANTICS}`
    : 'runs on the client (only strings, finite numbers and booleans are compared on the server)'

import { Context } from 'mingo/core'
import type { Criteria } from './pushdown.js'
import { QUERY_OPERATORS, type QueryOperator } from './query-operators.js'

type QueryOps = NonNullable<NonNullable<Parameters<typeof Context.init>[0]>['query']>

function collectOperators(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectOperators(item, into))
  else if (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  )
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('$')) into.add(key)
      collectOperators(child, into)
    }
  return into
}

/**
 * A mingo context holding only the query operators these criteria use (plus wandb-rx's NaN-safe
 * comparisons and `$key`). It is passed per query, never registered globally, so the host
 * application's own mingo is untouched; anything outside the table fails to compile.
 *
 * @example
 * ```ts
 * const query = new Query(criteria, { context: mingoContextFor(criteria), scriptEnabled: false })
 * ```
 */
export function mingoContextFor(criteria: Criteria): Context {
  const ops: Record<string, QueryOperator> = {}
  for (const name of collectOperators(criteria, new Set())) {
    const op = QUERY_OPERATORS[name]
    if (op) ops[name] = op
  }
  return Context.init({ query: ops as QueryOps })
}

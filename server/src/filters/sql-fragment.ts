/** A piece of SQL with its positional parameters, plus the JSON paths it reads (for auto-indexing). */
export interface SqlFragment {
  readonly sql: string
  readonly params: readonly unknown[]
}

export interface JsonRef {
  readonly column: 'config' | 'summary'
  readonly path: string
}

export const TRUE: SqlFragment = { sql: '1', params: [] }
export const FALSE: SqlFragment = { sql: '0', params: [] }

export const frag = (sql: string, ...params: unknown[]): SqlFragment => ({ sql, params })

export function join(parts: readonly SqlFragment[], glue: 'AND' | 'OR', empty: SqlFragment): SqlFragment {
  if (parts.length === 0) return empty
  if (parts.length === 1) return parts[0] as SqlFragment
  return { sql: parts.map((p) => `(${p.sql})`).join(` ${glue} `), params: parts.flatMap((p) => p.params) }
}

/** SQL NOT that treats NULL (unknown) as false first, so negation matches Mongo's "missing". */
export function not(part: SqlFragment): SqlFragment {
  return { sql: `NOT coalesce((${part.sql}), 0)`, params: part.params }
}

/** SQLite string literal: JSON paths must be literals (not parameters) to match expression indexes. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

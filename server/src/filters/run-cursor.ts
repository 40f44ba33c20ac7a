import { FilterError } from './filter-error.js'
import type { CompiledOrder } from './compile-order.js'
import type { SqlFragment } from './sql-fragment.js'

/** What a runs cursor remembers: the order it belongs to, the last sort value and run row id. */
export interface RunCursor {
  readonly order: string
  readonly value: string | number | null
  readonly id: number
}

/** Opaque base64url cursor. Keyset, not offset: inserts between pages never shift it. */
export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.value, cursor.id])).toString('base64url')
}

export function decodeRunCursor(text: string, order: CompiledOrder): RunCursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    parsed = undefined
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    (!['string', 'number'].includes(typeof parsed[1]) && parsed[1] !== null) ||
    !Number.isInteger(parsed[2])
  ) {
    throw new FilterError('malformed cursor', '$after')
  }
  if (parsed[0] !== order.key)
    throw new FilterError(`cursor belongs to order ${parsed[0]}, not ${order.key}`, '$after')
  return { order: parsed[0], value: parsed[1] as string | number | null, id: parsed[2] as number }
}

/**
 * Rows strictly after the cursor in `(expr, id)` order. SQLite sorts NULL first, so ascending
 * pages see NULLs first and descending pages see them last.
 */
export function afterCursor(order: CompiledOrder, cursor: RunCursor): SqlFragment {
  const { expr } = order
  if (!order.desc) {
    return cursor.value === null
      ? { sql: `${expr} IS NOT NULL OR (${expr} IS NULL AND r.id > ?)`, params: [cursor.id] }
      : { sql: `(${expr}, r.id) > (?, ?)`, params: [cursor.value, cursor.id] }
  }
  return cursor.value === null
    ? { sql: `${expr} IS NULL AND r.id < ?`, params: [cursor.id] }
    : { sql: `(${expr}, r.id) < (?, ?) OR ${expr} IS NULL`, params: [cursor.value, cursor.id] }
}

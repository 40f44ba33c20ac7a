import { decodeCursor, encodeCursor, pageInfo, pageSize } from '../nodes/page-info.js'

/** A Relay connection over an in-memory list (artifact listings are small). */
export interface Connection<E> {
  readonly edges: readonly E[]
  readonly pageInfo: ReturnType<typeof pageInfo>
  readonly totalCount: number
}

/**
 * Pages `items` (already filtered and ordered) after the item whose key the cursor names.
 * Cursors are the item keys, so a page boundary survives inserts elsewhere in the list.
 */
export function connectionOf<T, E extends object>(
  items: readonly T[],
  args: { readonly first?: number | null; readonly after?: string | null },
  key: (item: T) => string | number,
  edge: (item: T, cursor: string) => E,
  defaults: { readonly first: number; readonly max: number } = { first: 50, max: 1000 },
): Connection<E> {
  const after = decodeCursor(args.after)
  const start = after === null ? 0 : items.findIndex((item) => String(key(item)) === after) + 1
  const limit = pageSize(args.first, defaults.first, defaults.max)
  const page = items.slice(start, start + limit)
  const edges = page.map((item) => edge(item, encodeCursor(key(item))))
  const cursors = page.map((item) => encodeCursor(key(item)))
  return {
    edges,
    pageInfo: pageInfo(cursors, start + limit < items.length, start > 0),
    totalCount: items.length,
  }
}

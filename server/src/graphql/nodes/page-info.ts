/** Relay PageInfo from a page of cursors. */
export interface PageInfo {
  readonly startCursor: string | null
  readonly endCursor: string | null
  readonly hasNextPage: boolean
  readonly hasPreviousPage: boolean
}

export function pageInfo(
  cursors: readonly string[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): PageInfo {
  return { startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null, hasNextPage, hasPreviousPage }
}

/** Simple opaque cursors for id- or name-keyed lists. */
export const encodeCursor = (key: string | number): string => Buffer.from(String(key)).toString('base64url')
export const decodeCursor = (cursor: string | null | undefined): string | null =>
  cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null

/** Clamps a `first` argument: default `fallback`, at most `max`, never negative. */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  return Math.max(0, Math.min(first ?? fallback, max))
}

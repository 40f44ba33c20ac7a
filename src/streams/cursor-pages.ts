/** One page of a cursor-paged listing: its items and where the next page starts. @internal */
export interface CursorPage<T> {
  readonly items: readonly T[]
  /** The cursor to resume after this page (W&B: `pageInfo.endCursor`, or the last edge's `cursor`). */
  readonly cursor: string | null
  readonly hasNextPage: boolean
}

/** Loads the page after `cursor` (null: the first page). @internal */
export type PageLoader<T> = (cursor: string | null, signal: AbortSignal) => Promise<CursorPage<T>>

/**
 * Walks a cursor-paged listing page by page, prefetching at most one page ahead: page N+1 is
 * requested before page N is handed over, so the request overlaps the consumer's work. Stops on
 * `hasNextPage == false` only; an empty page with more to come goes on. A page whose cursor did
 * not move (an empty page without `endCursor`) would loop forever, so it ends the walk.
 *
 * The caller owns `signal` and aborts it when it stops early: that cancels the prefetch.
 * `wantsMore(page)` is asked once per page, in order, before prefetching: a consumer that already
 * has enough (a limit) says no, and no request is wasted.
 *
 * @example
 * ```ts
 * for await (const page of cursorPages(loadRunsPage, null, signal)) console.log(page.items.length)
 * ```
 */
export async function* cursorPages<T>(
  load: PageLoader<T>,
  start: string | null,
  signal: AbortSignal,
  wantsMore: (page: CursorPage<T>) => boolean = () => true,
): AsyncGenerator<CursorPage<T>, void, undefined> {
  let cursor = start
  let pending = quiet(load(cursor, signal))
  for (;;) {
    const page = await pending
    const more = page.hasNextPage && page.cursor !== null && page.cursor !== cursor && wantsMore(page)
    if (more) {
      cursor = page.cursor
      pending = quiet(load(cursor, signal))
    }
    yield page
    if (!more) return
  }
}

/** Marks a prefetch as handled so an abandoned one (aborted later) is not an unhandled rejection. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

import { toArray, type Observable } from 'rxjs'
import type { ApiContext } from '../internal/api-context.js'
import { cursorPages, type CursorPage } from '../streams/cursor-pages.js'
import { firstOrUndefined } from '../streams/first-or-undefined.js'
import { fromAbortable } from '../streams/from-abortable.js'

/** Loads one page of a listing: `first` items after `cursor` (null: the first page). */
export type ListingPageLoader<T> = (
  cursor: string | null,
  perPage: number,
  signal: AbortSignal,
) => Promise<CursorPage<T>>

/**
 * A lazy, immutable listing of W&B objects (projects, sweeps, reports, …): nothing is requested
 * until it is streamed or iterated, and each subscription pages on its own, one page prefetched.
 *
 * @example
 * ```ts
 * for await (const p of api.projects('my-team')) console.log(p.name)
 * const sweeps = await api.sweeps('my-team/mnist').perPage(20).toArray()
 * api.reports('my-team/mnist').stream().subscribe((r) => console.log(r.url))
 * ```
 */
export interface PagedListing<T> extends AsyncIterable<T> {
  /** The items as a cold Observable; unsubscribing cancels the request in flight. */
  stream(): Observable<T>
  /** Every item, in server order. */
  toArray(options?: { readonly signal?: AbortSignal }): Promise<T[]>
  /** The first item, or `undefined` when there is none (one request for one item). */
  first(options?: { readonly signal?: AbortSignal }): Promise<T | undefined>
  /** The same listing with another page size (requests per item trade-off). */
  perPage(n: number): PagedListing<T>
}

/**
 * Builds a {@link PagedListing} from a page loader and a default page size.
 *
 * @example
 * ```ts
 * const listing = createPagedListing(ctx, (cursor, first, signal) => loadProjects(cursor, first, signal), 50)
 * ```
 */
export function createPagedListing<T>(
  ctx: ApiContext,
  load: ListingPageLoader<T>,
  perPage: number,
): PagedListing<T> {
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new RangeError(`perPage must be an integer ≥ 1, got ${perPage}`)
  }
  // Pull-based: a page is requested only when the consumer reaches it (one prefetched).
  async function* items(signal: AbortSignal, size = perPage): AsyncGenerator<T, void, undefined> {
    for await (const page of cursorPages((cursor, s) => load(cursor, size, s), null, signal)) {
      ctx.http.stats.rows += page.items.length
      yield* page.items
    }
  }
  const stream = (): Observable<T> => fromAbortable(items)
  return Object.freeze({
    stream,
    toArray: (options: { readonly signal?: AbortSignal } = {}) =>
      firstOrUndefined(stream().pipe(toArray()), options.signal).then((all) => all ?? []),
    first: (options: { readonly signal?: AbortSignal } = {}) =>
      firstOrUndefined(
        fromAbortable((signal) => items(signal, 1)),
        options.signal,
      ),
    perPage: (n: number) => createPagedListing(ctx, load, n),
    async *[Symbol.asyncIterator]() {
      const controller = new AbortController()
      try {
        yield* items(controller.signal)
      } finally {
        controller.abort()
      }
    },
  })
}

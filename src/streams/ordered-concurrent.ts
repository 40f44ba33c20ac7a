import { Observable } from 'rxjs'

/**
 * Loads `items` with up to `lookahead` loads running at once and emits the results **in input
 * order**. `lookahead` may be a function, read before each new load (it follows an adaptive limit). A load finished early waits in a slot, and a new load starts only when the oldest result
 * is handed over, so at most `lookahead` results are ever held: memory stays flat however many
 * items there are. The next load starts before a result is emitted, overlapping the consumer's
 * work. The first failure errors the stream at once and aborts the rest (unsubscribing aborts
 * them too).
 *
 * @example
 * ```ts
 * orderedConcurrent(stepWindows(0, 10_000, 1000), (w, signal) => fetchWindow(w, signal), 4)
 * // emits window 0's rows, then window 1's, … while four windows load in parallel
 * ```
 */
export function orderedConcurrent<I, R>(
  items: Iterable<I>,
  load: (item: I, signal: AbortSignal) => Promise<R>,
  lookahead: number | (() => number),
): Observable<R> {
  return orderedLoads(items, load, lookahead, (result, next) => next(result))
}

/**
 * {@link orderedConcurrent} for loads whose result is a sequence produced on demand: each load's
 * parts are pulled and emitted one by one, in its turn, before the next load's. A part is made
 * only when the one before it was handed over, so only one part is held at a time (a Parquet read
 * of five row groups decodes group by group, and each group's rows die before the next is made).
 *
 * @example
 * ```ts
 * orderedConcurrentParts(reads, async (read, signal) => decodeGroups(await fetchBytes(read, signal)), 4)
 * // emits read 0's groups in order, then read 1's, … while up to four reads' bytes are fetched
 * ```
 */
export function orderedConcurrentParts<I, R>(
  items: Iterable<I>,
  load: (item: I, signal: AbortSignal) => Promise<AsyncIterable<R>>,
  lookahead: number | (() => number),
): Observable<R> {
  return orderedLoads(items, load, lookahead, async (parts, next, closed) => {
    for await (const part of parts) {
      next(part)
      if (closed()) return // leaving the loop ends the sequence: no part is made for nobody
    }
  })
}

/** The shared pump: `handOver` emits one load's result (awaited before the next one's turn). */
function orderedLoads<I, L, R>(
  items: Iterable<I>,
  load: (item: I, signal: AbortSignal) => Promise<L>,
  lookahead: number | (() => number),
  handOver: (result: L, next: (value: R) => void, closed: () => boolean) => Promise<void> | void,
): Observable<R> {
  const ahead = typeof lookahead === 'number' ? () => lookahead : lookahead
  return new Observable<R>((subscriber) => {
    // One controller per load, none shared: thousands of loads never pile listeners on one signal.
    const controllers = new Set<AbortController>()
    const iterator = items[Symbol.iterator]()
    const queue: Promise<L>[] = []
    let exhausted = false
    const fill = () => {
      while (!exhausted && queue.length < ahead() && !subscriber.closed) {
        const next = iterator.next()
        if (next.done) {
          exhausted = true
          return
        }
        const item = next.value
        const controller = new AbortController()
        controllers.add(controller)
        const loading = Promise.resolve()
          .then(() => load(item, controller.signal))
          .finally(() => controllers.delete(controller))
        loading.catch((error: unknown) => subscriber.error(error)) // fail fast, not in turn
        queue.push(loading)
      }
    }
    const pump = async () => {
      fill()
      for (let head = queue.shift(); head !== undefined; head = queue.shift()) {
        const result = await head
        if (subscriber.closed) return
        fill()
        await handOver(
          result,
          (value) => subscriber.next(value),
          () => subscriber.closed,
        )
        if (subscriber.closed) return
      }
      subscriber.complete()
    }
    pump().catch((error: unknown) => subscriber.error(error)) // a no-op once closed
    return () => controllers.forEach((controller) => controller.abort())
  })
}

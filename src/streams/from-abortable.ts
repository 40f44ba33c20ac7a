import { Observable } from 'rxjs'

/**
 * An Observable over an async iterable that owns one `AbortController` per subscription: the
 * factory gets its signal, unsubscribing aborts it (cancelling the in-flight request) and closes
 * the iterator, and nothing is read once the subscriber is closed. Unlike `from(asyncIterable)`,
 * an abandoned subscription never leaves a request or timer running.
 *
 * @example
 * ```ts
 * const rows$ = fromAbortable(async function* (signal) {
 *   const res = await fetch(url, { signal })
 *   yield* (await res.json()) as Row[]
 * })
 * rows$.pipe(take(3)).subscribe(console.log) // aborts the fetch if it is still running
 * ```
 */
export function fromAbortable<T>(factory: (signal: AbortSignal) => AsyncIterable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const controller = new AbortController()
    const iterator = factory(controller.signal)[Symbol.asyncIterator]()
    const pump = async () => {
      while (!subscriber.closed) {
        const result = await iterator.next()
        if (subscriber.closed) return
        if (result.done) return subscriber.complete()
        subscriber.next(result.value)
      }
    }
    // After an unsubscribe the abort surfaces here as a rejection nobody needs to hear about.
    pump().catch((error: unknown) => subscriber.error(error))
    return () => {
      controller.abort()
      iterator.return?.().catch(() => undefined)
    }
  })
}

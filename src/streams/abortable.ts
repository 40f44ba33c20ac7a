import type { Observable } from 'rxjs'
import { fromAbortable } from './from-abortable.js'

/**
 * A cold Observable of one async result whose work gets an `AbortSignal` that unsubscribing
 * aborts. The single-value sibling of {@link fromAbortable}.
 *
 * @example
 * ```ts
 * abortable((signal) => lastHistoryStep(ctx, run, signal)).pipe(switchMap((last) => …))
 * ```
 */
export function abortable<T>(work: (signal: AbortSignal) => Promise<T>): Observable<T> {
  return fromAbortable(async function* (signal) {
    yield await work(signal)
  })
}

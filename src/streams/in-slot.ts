import { toArray, type Observable } from 'rxjs'
import type { RequestSlots } from '../transport/request-slots.js'
import { abortable } from './abortable.js'
import { firstOrUndefined } from './first-or-undefined.js'

/**
 * Runs a cold one-request Observable while holding one of the `Api`'s shared request slots, and
 * emits everything it emitted as one array. The slot's round trip feeds the adaptive limit like a
 * history window does; unsubscribing aborts the wait for a slot or the request.
 *
 * @example
 * ```ts
 * inSlot(ctx.http.slots, history(ctx, run, { keys: ['loss'], samples: 1000 })) // one array of rows
 * ```
 */
export function inSlot<T>(slots: RequestSlots, source: Observable<T>): Observable<T[]> {
  return abortable((signal) =>
    // toArray always emits once, so the first value is the whole array.
    slots.use(() => firstOrUndefined(source.pipe(toArray()), signal).then((values) => values ?? []), signal),
  )
}

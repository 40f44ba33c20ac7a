import { take, type Observable } from 'rxjs'

/**
 * The first value of `source`, or `undefined` when it completes empty, like `firstValueFrom`
 * with a default, but abortable: aborting `signal` unsubscribes (cancelling the request) and
 * rejects with the signal's reason.
 *
 * @example
 * ```ts
 * const f = await firstOrUndefined(files(ctx, run, { names: ['a.txt'] }), signal)
 * ```
 */
export function firstOrUndefined<T>(source: Observable<T>, signal?: AbortSignal): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      subscription.unsubscribe()
      reject(signal?.reason)
    }
    const done = () => signal?.removeEventListener('abort', onAbort)
    const subscription = source.pipe(take(1)).subscribe({
      next: (value) => (done(), resolve(value)),
      error: (error: unknown) => (done(), reject(error)),
      complete: () => (done(), resolve(undefined)),
    })
    if (!subscription.closed) signal?.addEventListener('abort', onAbort, { once: true })
  })
}

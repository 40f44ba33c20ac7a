import type { Observable, Subscription } from 'rxjs'

/**
 * Subscribes to `source`, calls `next` for each value, and resolves when it completes. Rejects
 * on its error, or on `next` throwing. Aborting `signal` (Ctrl-C) unsubscribes, which cancels
 * the requests in flight, and resolves: an interrupted command still closes its files.
 *
 * @example
 * ```ts
 * await consume(api.run(path).scanHistory(), (row) => sink.write(row), io.signal)
 * ```
 */
export function consume<T>(
  source: Observable<T>,
  next: (value: T) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return resolve()
    let done = false
    const held: { subscription?: Subscription } = {}
    const finish = (error?: { error: unknown }) => {
      if (done) return
      done = true
      signal?.removeEventListener('abort', onAbort)
      held.subscription?.unsubscribe()
      if (error) reject(error.error)
      else resolve()
    }
    const onAbort = () => finish()
    signal?.addEventListener('abort', onAbort, { once: true })
    const subscription = (held.subscription = source.subscribe({
      next(value) {
        if (done) return
        try {
          next(value)
        } catch (error) {
          finish({ error })
        }
      },
      error: (error: unknown) => finish({ error }),
      complete: () => finish(),
    }))
    if (done) subscription.unsubscribe() // finished synchronously, before `held` was set
  })
}

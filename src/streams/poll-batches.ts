import { asapScheduler, buffer, connect, debounceTime, type OperatorFunction } from 'rxjs'

/**
 * Groups live events by poll: `liveRuns` emits one poll's events synchronously, so a microtask
 * debounce closes each batch. Consumers apply a batch at once, so a poll that changes three runs
 * recomputes and emits at most once.
 *
 * @example
 * ```ts
 * liveRuns(ctx, query).pipe(pollBatches()).subscribe((events) => console.log(events.length))
 * // 1 (the snapshot), then e.g. 3 (one poll: two changed, one added)
 * ```
 */
export function pollBatches<T>(): OperatorFunction<T, T[]> {
  return connect((events) => events.pipe(buffer(events.pipe(debounceTime(0, asapScheduler)))))
}

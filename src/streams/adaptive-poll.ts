import {
  asyncScheduler,
  concat,
  concatMap,
  defer,
  EMPTY,
  expand,
  filter,
  map,
  of,
  timer,
  type Observable,
  type SchedulerLike,
} from 'rxjs'
import { pollDelay, type BackoffOptions } from './poll-delay.js'

/** Options of {@link adaptivePoll}. @internal */
export interface AdaptivePollOptions<T> extends BackoffOptions {
  readonly intervalMs: number
  /** Whether a value counts as a change (resets the backoff). */
  readonly isChange: (value: T) => boolean
  /** Checked after each poll: true stops polling and completes. */
  readonly isDone: () => boolean
  readonly scheduler?: SchedulerLike | undefined
}

type Tick<T> = { readonly value: T } | { readonly idle: number }

/**
 * Runs `poll()` now, then again after each poll completes, waiting {@link pollDelay}: the base
 * interval after a poll that emitted a change, longer after each idle one. Polls never overlap.
 * Built on `expand`, so a watch running for days holds no growing chain of subscriptions.
 *
 * @example
 * ```ts
 * adaptivePoll(() => pollRuns(), { intervalMs: 5000, isChange: (e) => e.type !== 'heartbeat', isDone: () => allEnded })
 * ```
 */
export function adaptivePoll<T>(poll: () => Observable<T>, options: AdaptivePollOptions<T>): Observable<T> {
  const { intervalMs, isChange, isDone, scheduler = asyncScheduler } = options
  const cycle = (idle: number): Observable<Tick<T>> =>
    defer(() => {
      let changed = false
      return concat(
        poll().pipe(
          map((value) => {
            if (isChange(value)) changed = true
            return { value }
          }),
        ),
        defer(() => of({ idle: changed ? 0 : idle + 1 })),
      )
    })
  return cycle(0).pipe(
    expand((tick) =>
      'idle' in tick && !isDone()
        ? timer(pollDelay(intervalMs, tick.idle, options), scheduler).pipe(concatMap(() => cycle(tick.idle)))
        : EMPTY,
    ),
    filter((tick): tick is { readonly value: T } => 'value' in tick),
    map((tick) => tick.value),
  )
}

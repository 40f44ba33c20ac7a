/** Gives back a slot handed out by {@link RequestSlots}. Calling it twice is harmless. @internal */
export type Release = () => void

/**
 * A pool of request slots that several streams share, so the requests in flight stay bounded
 * however many streams run: a fixed `Semaphore`, or the `Api`'s `AdaptiveSlots`.
 *
 * @example
 * ```ts
 * const rows = await slots.use(() => historyWindow(ctx, run, window, keys, signal), signal)
 * ```
 */
export interface RequestSlots {
  /** The most slots ever handed out at once (a fixed size, or an adaptive limit's upper bound). */
  readonly size: number
  /** The slots allowed now: `size` for a fixed pool, the current limit for an adaptive one. */
  readonly limit: number
  /** Resolves with a release function once a slot is free; rejects at once when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<Release>
  /** Runs `task` holding one slot. */
  use<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
}

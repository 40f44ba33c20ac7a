import type { Observable } from 'rxjs'

/**
 * Subscribes and records what a stream emits, so a test can drive a live run and wait for the
 * stream's reaction (by condition, never by a timing threshold).
 */
export function record<T>(source: Observable<T>) {
  const values: T[] = []
  let completed = false
  let failure: { error: unknown } | undefined
  const subscription = source.subscribe({
    next: (value) => values.push(value),
    complete: () => (completed = true),
    error: (error: unknown) => (failure = { error }),
  })
  /** Resolves once `condition` holds; rejects if the stream failed first. */
  const until = async (condition: (values: readonly T[]) => boolean): Promise<void> => {
    while (!condition(values)) {
      if (failure) throw failure.error
      if (completed) throw new Error(`stream completed before the condition held (${values.length} values)`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
  const done = async (): Promise<T[]> => {
    while (!completed) {
      if (failure) throw failure.error
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    return values
  }
  const failed = async (): Promise<unknown> => {
    while (!failure) {
      if (completed) throw new Error('stream completed instead of failing')
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    return failure.error
  }
  return { values, until, done, failed, unsubscribe: () => subscription.unsubscribe() }
}

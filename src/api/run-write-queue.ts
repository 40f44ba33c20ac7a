import type { ApiContext } from '../internal/api-context.js'

const queues = new WeakMap<ApiContext, Map<string, Promise<unknown>>>()

/**
 * Runs `task` after every earlier write queued for the same run on the same `Api`, so two
 * read-modify-write calls made at once (`summary.update({ a })` and `summary.update({ b })`)
 * never read the same old state and drop each other's keys. A failed write does not block the
 * next one. Writes from other processes can still interleave; W&B has no compare-and-set.
 *
 * @example
 * ```ts
 * await Promise.all([queueRunWrite(ctx, 'e/p/r', writeA), queueRunWrite(ctx, 'e/p/r', writeB)]) // A, then B
 * ```
 */
export function queueRunWrite<T>(ctx: ApiContext, runKey: string, task: () => Promise<T>): Promise<T> {
  let byRun = queues.get(ctx)
  if (!byRun) queues.set(ctx, (byRun = new Map()))
  const previous = byRun.get(runKey) ?? Promise.resolve()
  const result = previous.then(task, task)
  const tail = result.then(
    () => undefined,
    () => undefined,
  )
  byRun.set(runKey, tail)
  void tail.then(() => {
    if (byRun.get(runKey) === tail) byRun.delete(runKey)
  })
  return result
}

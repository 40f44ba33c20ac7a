/**
 * Runs `task` over `items` with at most `concurrency` at once, in order of start. The first
 * failure stops new tasks from starting and is rethrown once the running ones settle.
 *
 * @example
 * ```ts
 * await runPool(runs, 4, async (run) => exportOne(run))
 * ```
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T
      try {
        await task(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  if (failure) throw failure.error
}

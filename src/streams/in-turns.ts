/**
 * A queue that runs async tasks one at a time, in the order they were handed in: each task
 * starts once every task queued before it has settled (whether it resolved or failed). Handing a
 * task in is synchronous, so a caller can take its turn before awaiting anything else.
 *
 * @example
 * ```ts
 * const inTurn = inTurns()
 * const a = inTurn(async () => decode(await bytesA)) // runs first, even if bytesB arrives first
 * const b = inTurn(async () => decode(await bytesB))
 * ```
 */
export function inTurns(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = last.then(task)
    last = run.catch(() => undefined)
    return run
  }
}

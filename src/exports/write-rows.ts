import type { Observable, Subscription } from 'rxjs'
import type { ExportRow, RowSink } from './row-sink.js'

/**
 * Writes every row of a stream into a sink and closes it; resolves with the row count. On an
 * error (from the stream or the sink) the subscription is dropped, which cancels the requests
 * in flight, the sink is closed with the rows so far, and the error is rethrown.
 *
 * @example
 * ```ts
 * const rows = await writeRows(api.run('team/mnist/1a2b3c').scanHistory(), csvSink(fileTarget('h.csv')))
 * // Output: 12000
 * ```
 */
export function writeRows(rows: Observable<ExportRow>, sink: RowSink): Promise<number> {
  return new Promise((resolve, reject) => {
    const held: { subscription?: Subscription; done?: boolean } = {}
    const finish = (error?: { error: unknown }) => {
      if (held.done) return
      held.done = true
      held.subscription?.unsubscribe()
      sink.close().then(
        () => (error ? reject(error.error) : resolve(sink.rowCount)),
        (closeError: unknown) => reject(error ? error.error : closeError),
      )
    }
    const subscription = rows.subscribe({
      next(row) {
        if (held.done) return
        try {
          sink.write(row)
        } catch (error) {
          finish({ error })
        }
      },
      error: (error: unknown) => finish({ error }),
      complete: () => finish(),
    })
    if (held.done) subscription.unsubscribe()
    else held.subscription = subscription
  })
}

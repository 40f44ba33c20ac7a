import { takeUntil, timer } from 'rxjs'
import type { Api, HistoryRow } from '../../src/index.js'
import { sparkline } from '../../src/cli/sparkline.js'

/**
 * Step 3 of the demo: follows the run that is still logging, printing each batch of new rows
 * with a sparkline of the loss so far, until the run ends (or `timeoutMs` passes).
 */
export function watchLive(
  api: Api,
  path: string,
  print: (line: string) => void,
  timeoutMs = 45_000,
): Promise<string> {
  const losses: number[] = []
  let ended = 'still running (stopped watching)'
  return new Promise((resolve, reject) => {
    api
      .run(path)
      .watch({ intervalMs: 1000 })
      .pipe(takeUntil(timer(timeoutMs)))
      .subscribe({
        next(event) {
          const rows = event.type === 'history' ? event.rows.filter((row: HistoryRow) => 'loss' in row) : []
          if (rows.length > 0) {
            losses.push(...rows.map((row) => Number(row['loss'])))
            const last = rows[rows.length - 1] as HistoryRow
            print(
              `  step ${String(last._step).padStart(3)}  loss ${Number(last['loss']).toFixed(4)}  ${sparkline(losses, 40)}`,
            )
          }
          if (event.type === 'state') print(`  state: ${event.from ?? '(new)'} -> ${event.to}`)
          if (event.type === 'end') ended = event.state
        },
        error: reject,
        complete: () => resolve(ended),
      })
  })
}

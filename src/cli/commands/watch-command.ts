import { Command } from 'commander'
import type { CliIo } from '../cli-io.js'
import { consume } from '../consume.js'
import { apiFor, globalsOf } from '../global-options.js'
import { countParser, parseList } from '../option-parsers.js'
import type { RunEvent } from '../../streams/run-event.js'
import { applyWatchEvent, initialWatchState, type WatchState } from '../watch/watch-state.js'
import { renderWatchView } from '../watch/watch-view.js'

interface WatchOptions {
  keys?: string[]
  intervalMs?: number
}

/**
 * `wandb-rx watch <run-path>`: follows a run live until it ends. On a terminal it redraws one
 * view in place (latest values, a sparkline per key, state, heartbeat age); in a pipe or log it
 * prints one line per change instead, then the final view.
 *
 * @example
 * ```sh
 * wandb-rx watch team/mnist/1a2b3c --keys loss,acc
 * ```
 */
export function watchCommand(io: CliIo): Command {
  return new Command('watch')
    .description('follow a running run live until it ends')
    .argument('<run-path>', 'entity/project/run-id (or an app URL)')
    .option('-k, --keys <list>', 'keys to show (default: every logged key)', parseList)
    .option('--interval-ms <ms>', 'poll interval', countParser(100))
    .action(async (path: string, options: WatchOptions, command: Command) => {
      const api = apiFor(globalsOf(command))
      const handle = api.run(path)
      const run = await handle.get()
      const label = `${run.path} (${run.name})`
      const tty = io.stdout.isTTY === true
      let state: WatchState = initialWatchState(run.state, run.heartbeatAt)
      let drawn = 0
      const draw = () => {
        const lines = renderWatchView(label, state, Date.now(), io.stdout.columns ?? 80)
        io.stdout.write(`${drawn > 0 ? `\x1b[${drawn}A\x1b[0J` : ''}${lines.join('\n')}\n`)
        drawn = lines.length
      }
      // Keys are filtered here, not by the server: rows without them still show progress.
      const events = handle.watch(options.intervalMs ? { intervalMs: options.intervalMs } : {})
      if (tty) draw()
      else io.stdout.write(`watching ${label}: ${run.state}\n`)
      const timer = tty ? setInterval(draw, 1000) : undefined
      try {
        await consume(
          events,
          (event) => {
            const before = state
            state = applyWatchEvent(state, event, { keys: options.keys })
            if (tty) draw()
            else logChange(io, before, state, event)
          },
          io.signal,
        )
      } finally {
        clearInterval(timer)
      }
      if (!tty) io.stdout.write(`${renderWatchView(label, state, Date.now()).join('\n')}\n`)
    })
}

/** One line per change, for pipes and CI logs where redrawing is noise. */
function logChange(io: CliIo, before: WatchState, after: WatchState, event: RunEvent): void {
  if (event.type === 'history' && event.rows.length > 0) {
    const values = [...after.latest].map(
      ([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(5)) : String(v)}`,
    )
    io.stdout.write(`step ${after.step}  ${values.join('  ')}\n`)
  } else if ((event.type === 'state' || event.type === 'end') && before.state !== after.state) {
    io.stdout.write(`state ${before.state} -> ${after.state}\n`)
  }
  if (event.type === 'end') io.stdout.write(`run ended: ${after.state}\n`)
}

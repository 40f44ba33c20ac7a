import { Command } from 'commander'
import type { CliIo } from '../cli-io.js'
import { globalsOf } from '../global-options.js'
import { dashboardDir } from '../dashboard-dir.js'
import { loadServer } from '../load-server.js'
import { choiceParser, countParser } from '../option-parsers.js'

interface ServeOptions {
  port: number
  host: string
  db: string
  seed?: 'demo'
  logLevel: 'silent' | 'info' | 'debug'
  corsOrigin: '*' | readonly string[] | false
}

/** `--cors-origin`: `*`, `none`, or a comma list of origins. */
const corsOriginParser = (value: string): ServeOptions['corsOrigin'] =>
  value === '*' ? '*' : value === 'none' ? false : value.split(',').map((o) => o.trim())

/**
 * `wandb-rx serve`: runs the W&B-compatible local server (`wandb-rx-server`) in the foreground
 * with the same flags and defaults as its own CLI, and prints its URL (first line, for scripts)
 * and the environment that points wandb-rx, the W&B SDKs and this CLI at it, and the live
 * dashboard's URL (the key in its fragment, kept by the page for the tab). Stops on Ctrl-C.
 * The global `--api-key` becomes the server's key; without it the server makes one up and it is
 * printed (it guards only this local server).
 *
 * @example
 * ```sh
 * wandb-rx serve --port 8080 --seed demo --db ./runs.sqlite
 * ```
 */
export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('run the W&B-compatible local server (wandb-rx-server)')
    .option('-p, --port <port>', 'port (0 = any free port)', countParser(0), 8080)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--db <file>', "SQLite file (':memory:' for none)", './wandb-local.sqlite')
    .option(
      '--seed <seed>',
      'demo: add demo projects and runs (once per database)',
      choiceParser(['demo'] as const),
    )
    .option(
      '--log-level <level>',
      'silent|info|debug',
      choiceParser(['silent', 'info', 'debug'] as const),
      'info',
    )
    .option(
      '--cors-origin <origins>',
      'pages allowed to call it from a browser: *, a comma list of origins, or none',
      corsOriginParser,
      '*',
    )
    .action(async (options: ServeOptions, command: Command) => {
      const globals = globalsOf(command)
      const { startServer } = await loadServer()
      const server = await startServer({
        port: options.port,
        host: options.host,
        dbPath: options.db,
        seed: options.seed ?? false,
        logLevel: options.logLevel,
        corsOrigin: options.corsOrigin,
        dashboard: dashboardDir((error) => io.stderr.write(`dashboard not built: ${String(error)}\n`)),
        ...(globals.apiKey === undefined ? {} : { apiKey: globals.apiKey }),
      })
      const key = globals.apiKey === undefined ? server.apiKey : '<the --api-key you passed>'
      io.stdout.write(
        `${server.url}\n  export WANDB_BASE_URL=${server.url} WANDB_API_KEY=${key}   # entity: ${server.entity}\n` +
          `  dashboard: ${server.url}/#key=${key}\n`,
      )
      await new Promise<void>((resolve) => {
        if (!io.signal || io.signal.aborted) return resolve()
        io.signal.addEventListener('abort', () => resolve(), { once: true })
      })
      await server.close()
      io.stderr.write('wandb-rx-server stopped\n')
    })
}

import type { Command } from 'commander'
import { Api } from '../api/api.js'

/** The flags every command takes. */
export interface GlobalOptions {
  readonly baseUrl?: string
  readonly apiKey?: string
  readonly quiet?: boolean
  readonly debug?: boolean
}

/**
 * Declares the global flags on the root command. `--api-key` is never echoed: not in help
 * defaults, not in errors (see `renderError`).
 *
 * @example
 * ```ts
 * addGlobalOptions(new Command('wandb-rx'))
 * ```
 */
export function addGlobalOptions(program: Command): Command {
  return program
    .option('--base-url <url>', 'W&B server URL (default: $WANDB_BASE_URL or https://api.wandb.ai)')
    .option('--api-key <key>', 'API key (default: $WANDB_API_KEY or ~/.netrc); never printed')
    .option('-q, --quiet', 'no progress bars or notes on stderr')
    .option('--debug', 'print stack traces on errors')
}

/** The global flags as seen from a subcommand. */
export const globalsOf = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>()

/**
 * The `Api` a command talks to, built from the global flags (the environment fills the rest).
 *
 * @example
 * ```ts
 * const api = apiFor({ baseUrl: 'http://127.0.0.1:8080' })
 * ```
 */
export function apiFor(options: GlobalOptions): Api {
  return new Api({
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
  })
}

import { CommanderError } from 'commander'
import { buildProgram } from './build-program.js'
import type { CliIo } from './cli-io.js'
import { EXIT, exitCodeFor } from './exit-code.js'
import { renderError } from './render-error.js'

/**
 * Runs the `wandb-rx` CLI on `argv` (the arguments after the program name) and resolves with the
 * exit code: 0 ok, 1 runtime error, 2 usage error. Never calls `process.exit`, so it is testable
 * in-process. Errors are printed to `io.stderr` as one line (the stack with `--debug`), with the
 * API key (from `--api-key` or `WANDB_API_KEY`) masked should any message contain it.
 *
 * @example
 * ```ts
 * const code = await runCli(['runs', 'team/mnist', '--format', 'json'], processIo())
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io)
  const debug = argv.includes('--debug')
  const secrets = [optionValue(argv, '--api-key'), process.env['WANDB_API_KEY']]
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return EXIT.ok
  } catch (error) {
    // Commander already printed its own message (and the help hint) to stderr.
    if (!(error instanceof CommanderError)) io.stderr.write(`${renderError(error, { debug, secrets })}\n`)
    return exitCodeFor(error)
  }
}

/** The value of `--name value` or `--name=value` in raw argv (read before commander parses). */
function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === name) return argv[i + 1]
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1)
  }
  return undefined
}

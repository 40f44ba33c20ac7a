import { Command } from 'commander'
import { VERSION } from '../version.js'
import type { CliIo } from './cli-io.js'
import { exportCommand } from './commands/export-command.js'
import { historyCommand } from './commands/history-command.js'
import { plotCommand } from './commands/plot-command.js'
import { runsCommand } from './commands/runs-command.js'
import { serveCommand } from './commands/serve-command.js'
import { watchCommand } from './commands/watch-command.js'
import { addGlobalOptions } from './global-options.js'

/**
 * The `wandb-rx` command tree. Commander never exits the process or writes on its own: parse
 * errors are thrown (`exitOverride`) and its help/error text goes to the injected streams, so
 * `runCli` decides exit codes and tests can capture everything.
 *
 * @example
 * ```ts
 * await buildProgram(io).parseAsync(['runs', 'team/mnist'], { from: 'user' })
 * ```
 */
export function buildProgram(io: CliIo): Command {
  const program = addGlobalOptions(new Command('wandb-rx'))
    .description('Query Weights & Biases runs, history and files from the terminal')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
  for (const command of [
    runsCommand,
    historyCommand,
    exportCommand,
    watchCommand,
    plotCommand,
    serveCommand,
  ]) {
    program.addCommand(command(io))
  }
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    command.commands.forEach(configure)
  }
  configure(program)
  return program
}

#!/usr/bin/env node
/**
 * The `wandb-rx` executable (`bin` in package.json): runs the CLI on the process's arguments and
 * sets the exit code. See `runCli` for the testable entry point.
 *
 * @example
 * ```sh
 * wandb-rx runs team/mnist --order +summary.loss --limit 5
 * ```
 */
import { processIo } from './cli-io.js'
import { runCli } from './run-cli.js'

process.exitCode = await runCli(process.argv.slice(2), processIo())

import { WandbError } from '../errors/wandb-error.js'

/**
 * A command line the CLI cannot act on (bad `--where` JSON, conflicting flags, a PNG plot):
 * exit code 2, like commander's own parse errors.
 *
 * @example
 * ```ts
 * throw new UsageError('--samples and --all cannot be combined')
 * ```
 */
export class UsageError extends WandbError {
  override name = 'UsageError'
}

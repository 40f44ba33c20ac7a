import { WandbError } from './wandb-error.js'

/**
 * A filter, order key or query option that wandb-rx refuses to compile, thrown by `where()`,
 * `orderBy()` or `compile()`: never mid-stream.
 *
 * `path` names the offending spot in the filter as the user wrote it (`summary.loss.$foo`,
 * `$or.1.config.lr`, `orderBy.0`), `reason` says what is wrong and how to write it instead.
 *
 * @example
 * ```ts
 * try { api.runs('team/mnist').where({ 'summary.loss': { $foo: 1 } }) }
 * catch (e) {
 *   if (e instanceof FilterCompileError) e.message
 *   // Output: "Invalid filter at summary.loss.$foo: unknown operator $foo (supported: $eq, $ne, …)"
 * }
 * ```
 */
export class FilterCompileError extends WandbError {
  override name = 'FilterCompileError'
  /** Where in the filter (or query) the problem is, as a dotted path from its root. */
  readonly path: string
  /** What is wrong and, where possible, how to write it instead. */
  readonly reason: string
  /** The node being compiled when the error happened, when there is one. */
  readonly node?: unknown

  constructor(path: string, reason: string, options?: { node?: unknown; cause?: unknown }) {
    super(`Invalid filter at ${path === '' ? '(root)' : path}: ${reason}`, options)
    this.path = path
    this.reason = reason
    if (options?.node !== undefined) this.node = options.node
  }
}

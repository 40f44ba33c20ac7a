import { WandbError } from './wandb-error.js'

/**
 * A run, project or artifact path that cannot be parsed, naming the path and what is missing.
 *
 * @example
 * ```ts
 * api.run('a/b/c/d') // PathError: invalid run path "a/b/c/d": expected entity/project/id, …
 * ```
 */
export class PathError extends WandbError {
  override name = 'PathError'
  readonly path: string
  readonly reason: string

  constructor(path: string, reason: string) {
    super(`invalid path ${JSON.stringify(path)}: ${reason}`)
    this.path = path
    this.reason = reason
  }
}

import { WandbError } from './wandb-error.js'

/**
 * A download target that already exists, when `replace` was not set (Python: "File already
 * exists, pass replace=True to overwrite"). The existing file is left untouched.
 *
 * @example
 * ```ts
 * await downloadRunFile(api, file, { root: 'out' })                  // FileExistsError the second time
 * await downloadRunFile(api, file, { root: 'out', replace: true })   // overwrites atomically
 * ```
 */
export class FileExistsError extends WandbError {
  override name = 'FileExistsError'
  /** The local path that exists. */
  readonly path: string

  constructor(path: string) {
    super(`${path} already exists; pass { replace: true } to overwrite it`)
    this.path = path
  }
}

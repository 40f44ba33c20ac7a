import { WandbError } from './wandb-error.js'

/**
 * A file name from the server that would escape the download root (`..` segments, an absolute
 * path, a drive letter, a backslash or a NUL byte). Nothing is written when it is thrown.
 *
 * @example
 * ```ts
 * await downloadRunFile(api, { ...file, name: '../../.ssh/authorized_keys' })
 * // UnsafePathError: refusing to write "../../.ssh/authorized_keys": it has a ".." segment
 * ```
 */
export class UnsafePathError extends WandbError {
  override name = 'UnsafePathError'
  /** The name as the server sent it. */
  readonly fileName: string
  /** Why it was refused. */
  readonly reason: string

  constructor(fileName: string, reason: string) {
    super(`refusing to write ${JSON.stringify(fileName)}: ${reason}`)
    this.fileName = fileName
    this.reason = reason
  }
}

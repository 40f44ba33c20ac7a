import { WandbError } from './wandb-error.js'

/**
 * Downloaded bytes whose MD5 differs from the one the server listed: a corrupted or truncated
 * transfer. The partial file is removed before this is thrown.
 *
 * @example
 * ```ts
 * try { await downloadRunFile(api, file) }
 * catch (e) { if (e instanceof ChecksumMismatchError) console.error(e.expected, e.actual) }
 * ```
 */
export class ChecksumMismatchError extends WandbError {
  override name = 'ChecksumMismatchError'
  /** The file name (or path) that failed. */
  readonly fileName: string
  /** Base64 MD5 the server listed. */
  readonly expected: string
  /** Base64 MD5 of the bytes received. */
  readonly actual: string

  constructor(fileName: string, expected: string, actual: string) {
    super(`${fileName}: MD5 mismatch (expected ${expected}, got ${actual}); the download is corrupted`)
    this.fileName = fileName
    this.expected = expected
    this.actual = actual
  }
}

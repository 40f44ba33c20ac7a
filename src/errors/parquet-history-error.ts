import { WandbError } from './wandb-error.js'

/**
 * Why a Parquet history read failed: the server has no `parquetHistory` (`unsupported`), a file
 * is not valid Parquet or is cut short (`corrupt`), a file changed or its bytes do not line up
 * with the range asked for (`mismatch`), or its signed URLs kept expiring (`expired`).
 *
 * @example
 * ```ts
 * const reason: ParquetHistoryFailure = 'corrupt'
 * ```
 */
export type ParquetHistoryFailure = 'unsupported' | 'corrupt' | 'mismatch' | 'expired'

/**
 * A Parquet history export could not be read as it should; no row of the failing file is
 * emitted. `file` is the file's URL path, never its signed query string.
 *
 * @example
 * ```ts
 * api.run(path).scanHistory({ source: 'parquet' }).subscribe({
 *   error: (e) => { if (e instanceof ParquetHistoryError && e.reason === 'unsupported') useGraphql() },
 * })
 * ```
 */
export class ParquetHistoryError extends WandbError {
  override name = 'ParquetHistoryError'
  readonly reason: ParquetHistoryFailure
  readonly file: string | undefined

  constructor(reason: ParquetHistoryFailure, message: string, file?: string, options?: { cause?: unknown }) {
    super(file === undefined ? message : `${file}: ${message}`, options)
    this.reason = reason
    this.file = file
  }
}

/**
 * Options of `file.download()` and `downloadRunFile`, named as in Python's
 * `file.download(root, replace)`.
 *
 * @example
 * ```ts
 * await (await api.run('team/mnist/1a2b3c').file('model.pt')).download({ root: 'out', replace: true })
 * ```
 */
export interface DownloadRunFileOptions {
  /** Directory the file's name is resolved under. Default `'.'`. */
  readonly root?: string
  /** Overwrite an existing file (atomically). Default false: an existing file is an error. */
  readonly replace?: boolean
  readonly signal?: AbortSignal
  /** How often a transfer cut off mid-body is resumed (with `Range` when the server allows). Default 3. */
  readonly resumeAttempts?: number
}

/**
 * Where a download landed and what was verified.
 *
 * @example
 * ```ts
 * const { path, sizeBytes, md5 } = await file.download({ root: 'out' }) // path: '/abs/out/model.pt'
 * ```
 */
export interface DownloadedFile {
  /** Absolute local path. */
  readonly path: string
  readonly sizeBytes: number
  /** Base64 MD5 of the bytes written (equal to the server's when it listed one). */
  readonly md5: string
}

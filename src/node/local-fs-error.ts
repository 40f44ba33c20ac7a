/** File-system failures: fetching the bytes again cannot fix them, so downloads never retry them. */
const LOCAL_ERRORS = new Set([
  'ENOSPC',
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'EROFS',
  'EEXIST',
  'EMFILE',
  'ENFILE',
  'EDQUOT',
  'ENOENT',
])

/**
 * Whether `error` is a local disk error (full disk, permissions, …) rather than a transfer failure.
 *
 * @example
 * ```ts
 * isLocalFsError(Object.assign(new Error('no space'), { code: 'ENOSPC' })) // true
 * ```
 */
export function isLocalFsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && LOCAL_ERRORS.has(code)
}

import { UnsafePathError } from '../errors/unsafe-path-error.js'

/**
 * Checks that a server-supplied file name is a plain relative path that stays under the
 * download root, and returns its `/`-separated segments. Pure string logic (no `node:path`), so
 * the same rule holds on every platform: a name valid here is valid on Windows and POSIX alike.
 *
 * Refused: empty names, NUL bytes, backslashes, absolute paths (`/x`), drive letters (`C:x`),
 * `..` segments. Empty and `.` segments (`a//b`, `./a`) are dropped.
 *
 * @example
 * ```ts
 * safeRelativePath('media/images/0.png') // ['media', 'images', '0.png']
 * safeRelativePath('../etc/passwd')      // throws UnsafePathError
 * ```
 */
export function safeRelativePath(name: string): string[] {
  if (name.length === 0) throw new UnsafePathError(name, 'the name is empty')
  if (name.includes('\0')) throw new UnsafePathError(name, 'it contains a NUL byte')
  if (name.includes('\\')) throw new UnsafePathError(name, 'it contains a backslash')
  if (name.startsWith('/')) throw new UnsafePathError(name, 'it is an absolute path')
  if (/^[A-Za-z]:/.test(name)) throw new UnsafePathError(name, 'it starts with a drive letter')
  const segments = name.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.some((s) => s === '..')) throw new UnsafePathError(name, 'it has a ".." segment')
  if (segments.length === 0) throw new UnsafePathError(name, 'it names no file')
  return segments
}

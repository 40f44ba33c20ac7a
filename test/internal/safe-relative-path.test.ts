import { describe, expect, it } from 'vitest'
import { UnsafePathError } from '../../src/errors/unsafe-path-error.js'
import { safeRelativePath } from '../../src/internal/safe-relative-path.js'

describe('safeRelativePath', () => {
  it.each([
    ['a.txt', ['a.txt']],
    ['media/images/0.png', ['media', 'images', '0.png']],
    ['./a//b/./c', ['a', 'b', 'c']],
    ['..hidden/x..y', ['..hidden', 'x..y']],
    ['run-1/ab:c.txt', ['run-1', 'ab:c.txt']],
  ])('accepts %j', (name, segments) => {
    expect(safeRelativePath(name)).toEqual(segments)
  })

  it.each([
    ['', 'empty'],
    ['..', '".."'],
    ['../a', '".."'],
    ['a/../../b', '".."'],
    ['a/..', '".."'],
    ['/etc/passwd', 'absolute'],
    ['//server/share', 'absolute'],
    ['C:/x', 'drive letter'],
    ['c:x', 'drive letter'],
    ['a:b.txt', 'drive letter'],
    ['a\\b', 'backslash'],
    ['..\\x', 'backslash'],
    ['a\0b', 'NUL'],
    ['./', 'names no file'],
  ])('refuses %j (%s)', (name, why) => {
    const error = (() => {
      try {
        safeRelativePath(name)
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(UnsafePathError)
    expect((error as UnsafePathError).reason).toContain(why)
    expect((error as UnsafePathError).fileName).toBe(name)
  })
})

import { describe, expect, it } from 'vitest'
import { byteRange } from '../src/http/byte-range.js'

describe('byteRange', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-9', { kind: 'partial', start: 0, end: 9 }],
    ['bytes=2-5', { kind: 'partial', start: 2, end: 5 }],
    ['bytes=2-500', { kind: 'partial', start: 2, end: 9 }],
    ['bytes=7-', { kind: 'partial', start: 7, end: 9 }],
    ['bytes=-3', { kind: 'partial', start: 7, end: 9 }],
    ['bytes=-30', { kind: 'partial', start: 0, end: 9 }],
    ['bytes=10-', { kind: 'unsatisfiable' }],
    ['bytes=12-20', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=5-2', { kind: 'whole' }],
    ['bytes=0-1,4-5', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
  ])('%s of 10 bytes → %o', (header, expected) => {
    expect(byteRange(header, 10)).toEqual(expected)
  })

  it('finds nothing to send in an empty file', () => {
    expect(byteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' })
    expect(byteRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' })
  })
})

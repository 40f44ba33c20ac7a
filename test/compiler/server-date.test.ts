import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isServerDate, serverDateBounds } from '../../src/compiler/server-date.js'

describe('serverDateBounds: a superset window for Date comparisons', () => {
  it('widens a whole second on each side of the second the date falls in', () => {
    expect(serverDateBounds(new Date('2024-05-01T10:00:00.250Z'))).toEqual({
      after: '2024-05-01T09:59:59Z',
      before: '2024-05-01T10:00:02Z',
    })
    expect(serverDateBounds(new Date('2024-01-01T00:00:00.000Z'))).toEqual({
      after: '2023-12-31T23:59:59Z',
      before: '2024-01-01T00:00:02Z',
    })
  })

  it('keeps every run within a second of the value, in both server date formats (property)', () => {
    const ms = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
    fc.assert(
      fc.property(ms, fc.integer({ min: -1000, max: 1000 }), (at, delta) => {
        const { after, before } = serverDateBounds(new Date(at))
        const run = new Date(at + delta)
        for (const stored of [run.toISOString(), run.toISOString().slice(0, 19)]) {
          if (delta >= 0) expect(stored > after).toBe(true)
          if (delta <= 0) expect(stored < before).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('pushes only fixed-width years', () => {
    expect(isServerDate(new Date('2024-01-01'))).toBe(true)
    expect(isServerDate(new Date('+010000-01-01T00:00:00Z'))).toBe(false)
    expect(isServerDate(new Date('-000100-01-01T00:00:00Z'))).toBe(false)
  })
})

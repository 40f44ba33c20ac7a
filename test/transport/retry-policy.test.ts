import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryPolicy,
} from '../../src/transport/retry-policy.js'
import { parseRetryAfter } from '../../src/transport/retry-after.js'

describe('retry policy', () => {
  it.each([
    [0, true],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [410, false],
    [413, false],
    [422, false],
    [501, false],
  ])('status %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status, DEFAULT_RETRY_POLICY)).toBe(expected)
  })

  it('doubles from minDelayMs with up to 25% jitter and caps at maxDelayMs', () => {
    const policy = retryPolicy({ minDelayMs: 100, maxDelayMs: 1_000 })
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, policy, undefined, () => 0))).toEqual([
      100, 200, 400, 800, 1000,
    ])
    expect(backoffDelay(1, policy, undefined, () => 1)).toBe(250)
    expect(backoffDelay(5, policy, undefined, () => 1)).toBe(1000)
  })

  it('lets Retry-After replace the computed wait', () => {
    expect(backoffDelay(0, DEFAULT_RETRY_POLICY, 2_500, () => 0.5)).toBe(2_500)
  })

  it('merges overrides onto the defaults', () => {
    expect(retryPolicy({ retries: 1 })).toEqual({ ...DEFAULT_RETRY_POLICY, retries: 1 })
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3_000)
    expect(parseRetryAfter('0.5')).toBe(500)
    const now = Date.parse('Wed, 21 Oct 2026 07:27:58 GMT')
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(2_000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0)
  })

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter('')).toBeUndefined()
  })
})

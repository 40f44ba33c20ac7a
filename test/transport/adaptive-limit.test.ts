import { describe, expect, it } from 'vitest'
import { AdaptiveLimit } from '../../src/transport/adaptive-limit.js'
import { AdaptiveSlots } from '../../src/transport/adaptive-slots.js'
import { isPushback } from '../../src/transport/pushback.js'
import { TransportStats } from '../../src/transport/transport-stats.js'

/**
 * A model server: `latencyMs` of fixed delay (network, injected latency) plus `serviceMs` of work
 * on one of `workers`. Its round trip at `n` in flight is flat until the workers are saturated,
 * then grows with the queue: `max(latency + service, n × service / workers)`.
 */
const modelServer = (latencyMs: number, serviceMs: number, workers: number) => (n: number) =>
  Math.max(latencyMs + serviceMs, (n * serviceMs) / workers)

/** Feeds `rounds` windows of `limit.current` requests, each answered at the model's round trip. */
function drive(limit: AdaptiveLimit, rtt: (inFlight: number) => number, rounds: number): number[] {
  const seen: number[] = []
  for (let round = 0; round < rounds; round++) {
    const inFlight = limit.current
    for (let i = 0; i < inFlight; i++) limit.sample(rtt(inFlight), inFlight)
    seen.push(limit.settled)
  }
  return seen
}

describe('AdaptiveLimit', () => {
  it('grows to its maximum while latency stays flat', () => {
    const limit = new AdaptiveLimit({ initial: 2, max: 16 })
    const seen = drive(limit, () => 20, 10)
    expect(seen.at(-1)).toBe(16)
    expect(seen).toEqual([...seen].sort((a, b) => a - b)) // never shrank
  })

  it('settles just past the concurrency that saturates the server, not at the maximum', () => {
    // 20 ms latency + 5 ms of work on 2 workers: throughput peaks at 10 in flight.
    const limit = new AdaptiveLimit({ initial: 2, max: 64 })
    const seen = drive(limit, modelServer(20, 5, 2), 200).slice(-50)
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(10)
    // At most Vegas' beta (3 × log10 of the limit) requests queued past the knee.
    expect(Math.max(...seen)).toBeLessThanOrEqual(14)
  })

  it('keeps few requests queued at a server that is the bottleneck from the start', () => {
    // 20 ms latency + 4 ms of work on one worker: 6 in flight saturate it; more only queue (and,
    // on a real machine, cost memory and CPU for nothing).
    const limit = new AdaptiveLimit({ initial: 4, max: 16 })
    const seen = drive(limit, modelServer(20, 4, 1), 100).slice(-50)
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(6)
    expect(Math.max(...seen)).toBeLessThanOrEqual(9)
  })

  it('does not read latency jitter as a queue', () => {
    // 20 ms latency + up to 10 ms of random jitter, 1 ms of work on 8 workers: the server has room
    // for far more than 16, so the limit belongs at its maximum. (With the lowest single RTT as
    // the no-load RTT, as plain Vegas takes it, the jitter read as a queue held it at 9.)
    let seed = 1
    const jitter = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647
    const limit = new AdaptiveLimit({ initial: 4, max: 16 })
    const seen = drive(limit, (n) => modelServer(20, 1, 8)(n) + 10 * jitter(), 300).slice(-100)
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(14)
  })

  it('relearns a server that became slower for good (probing at a quarter of the limit)', () => {
    const limit = new AdaptiveLimit({ initial: 2, max: 64, probeEvery: 10 })
    drive(limit, modelServer(20, 5, 2), 30)
    // Now 60 ms latency, same work: the best concurrency grows to 26.
    const seen = drive(limit, modelServer(60, 5, 2), 200).slice(-50)
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(26)
  })

  it('shrinks when latency rises under the same load', () => {
    const limit = new AdaptiveLimit({ initial: 16, max: 16 })
    drive(limit, () => 20, 3)
    drive(limit, () => 80, 5)
    expect(limit.current).toBeLessThan(16)
  })

  it('halves on pushback, once per window of requests', () => {
    const limit = new AdaptiveLimit({ initial: 16, max: 16 })
    limit.pushback()
    limit.pushback() // the same burst of 429s
    expect(limit.current).toBe(8)
    drive(limit, () => 20, 1) // a window completes at the halved limit …
    const grown = limit.current
    limit.pushback() // … so a new 429 halves again
    expect(limit.current).toBe(Math.floor(grown / 2))
  })

  it('does not grow while the limit is not used', () => {
    const limit = new AdaptiveLimit({ initial: 8, max: 16 })
    limit.sample(20, 2)
    for (let i = 0; i < 20; i++) limit.sample(21, 2)
    expect(limit.current).toBe(8)
  })

  it('stays within its bounds and rejects a bad maximum', () => {
    const limit = new AdaptiveLimit({ initial: 1, max: 4 })
    for (let i = 0; i < 5; i++) limit.pushback()
    expect(limit.current).toBe(1)
    expect(drive(limit, () => 10, 5).at(-1)).toBe(4)
    expect(() => new AdaptiveLimit({ max: 0 })).toThrow(RangeError)
    expect(() => new AdaptiveLimit({ max: 2.5 })).toThrow(RangeError)
  })
})

describe('AdaptiveSlots', () => {
  it('hands out as many slots as the limit allows, learns from round trips, reports to stats', async () => {
    let now = 0
    const stats = new TransportStats()
    const slots = new AdaptiveSlots({ initial: 2, max: 8 }, stats, () => now)
    expect(stats.snapshot().concurrency).toBe(2)
    const a = await slots.acquire()
    const b = await slots.acquire()
    let third = false
    const waiting = slots.acquire().then((release) => ((third = true), release))
    await Promise.resolve()
    expect(third).toBe(false)
    a()
    const c = await waiting
    expect(third).toBe(true)
    b()
    c()

    const request = () => slots.use(async () => void (now += 20))
    for (let i = 0; i < 8; i++) await request()
    expect(slots.limit).toBeGreaterThan(2)
    expect(stats.snapshot().concurrency).toBe(slots.limit)
    const before = slots.limit
    slots.pushback()
    expect(stats.snapshot().concurrency).toBe(Math.floor(before / 2))
  })

  it('takes no latency sample from a request that saw pushback (its time holds a retry wait)', async () => {
    let now = 0
    const slots = new AdaptiveSlots({ initial: 4, max: 16 }, undefined, () => now)
    await slots.use(async () => void (now += 20)) // no-load round trip: 20 ms
    await slots.use(async () => {
      slots.pushback()
      now += 5_000 // Retry-After, then the retry
    })
    expect(slots.limit).toBe(2) // halved once; the 5 s round trip did not shrink it further
  })

  it('rejects a waiting acquire when its signal aborts', async () => {
    const slots = new AdaptiveSlots({ initial: 1, max: 1 })
    await slots.acquire()
    const controller = new AbortController()
    const waiting = slots.acquire(controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
  })
})

describe('isPushback', () => {
  it.each([
    [429, {}, true],
    [503, {}, true],
    [200, { 'retry-after': '2' }, true],
    [200, { 'ratelimit-remaining': '0' }, true],
    [200, { 'x-ratelimit-remaining': '0' }, true],
    [200, { 'ratelimit-remaining': '12' }, false],
    [500, {}, false],
    [200, {}, false],
  ])('status %i with %j: %s', (status, headers, expected) => {
    expect(isPushback(status, new Headers(headers))).toBe(expected)
  })
})

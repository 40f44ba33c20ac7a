import { NEVER, of, take, toArray, lastValueFrom } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { createPagedListing } from '../../src/api/paged-listing.js'
import { queueRunWrite } from '../../src/api/run-write-queue.js'
import { parseSweepPath } from '../../src/api/sweep-path.js'
import type { ApiContext } from '../../src/internal/api-context.js'
import { randomRunId } from '../../src/internal/random-run-id.js'
import { TransportStats } from '../../src/transport/transport-stats.js'

/** Just enough context for the helpers under test (no network). */
const fakeContext = () => ({ http: { stats: new TransportStats() } }) as unknown as ApiContext

describe('parseSweepPath', () => {
  it.each([
    ['team/mnist/abc', { entity: 'team', project: 'mnist', id: 'abc' }],
    ['team/sweeps/abc', { entity: 'team', project: 'sweeps', id: 'abc' }],
    ['team/runs/abc', { entity: 'team', project: 'runs', id: 'abc' }],
    ['team/mnist/sweeps/abc', { entity: 'team', project: 'mnist', id: 'abc' }],
    ['https://wandb.ai/team/mnist/sweeps/abc', { entity: 'team', project: 'mnist', id: 'abc' }],
    ['mnist/abc', { entity: undefined, project: 'mnist', id: 'abc' }],
    ['abc', { entity: undefined, project: undefined, id: 'abc' }],
  ])('%s', (path, expected) => {
    expect(parseSweepPath(path)).toEqual(expected)
  })
})

describe('randomRunId', () => {
  it('is 8 characters of [a-z0-9] and varies', () => {
    const ids = new Set(Array.from({ length: 200 }, () => randomRunId()))
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{8}$/)
    expect(ids.size).toBe(200)
  })
})

describe('queueRunWrite', () => {
  it('runs writes to one run one after another, and others in parallel; a failure does not block', async () => {
    const ctx = fakeContext()
    const log: string[] = []
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`start ${name}`)
        await new Promise((r) => setTimeout(r, ms))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([
      queueRunWrite(ctx, 'e/p/a', task('a1', 20, true)),
      queueRunWrite(ctx, 'e/p/a', task('a2', 1)),
      queueRunWrite(ctx, 'e/p/b', task('b1', 5)),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'))
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'))
  })
})

describe('createPagedListing', () => {
  const pages = [
    { items: [1, 2], cursor: 'c1', hasNextPage: true },
    { items: [3, 4], cursor: 'c2', hasNextPage: true },
    { items: [5], cursor: 'c3', hasNextPage: false },
  ]

  it('pages with the last cursor and the page size, lazily', async () => {
    const calls: [string | null, number][] = []
    const listing = createPagedListing(
      fakeContext(),
      async (cursor, perPage) => {
        calls.push([cursor, perPage])
        return pages[calls.length - 1] ?? pages[2]!
      },
      2,
    )
    expect(calls).toEqual([])
    expect(await listing.toArray()).toEqual([1, 2, 3, 4, 5])
    expect(calls).toEqual([
      [null, 2],
      ['c1', 2],
      ['c2', 2],
    ])
    expect(() => listing.perPage(0)).toThrow(RangeError)
  })

  it('first() asks for one item; take() and break abort the request in flight', async () => {
    const signals: AbortSignal[] = []
    const sizes: number[] = []
    const listing = createPagedListing<number>(
      fakeContext(),
      (cursor, perPage, signal) => {
        signals.push(signal)
        sizes.push(perPage)
        if (cursor === null) return Promise.resolve(pages[0]!)
        return lastValueFrom(NEVER) // the second page never arrives
      },
      2,
    )
    expect(await listing.first()).toBe(1)
    expect(sizes[0]).toBe(1)
    expect(await lastValueFrom(listing.stream().pipe(take(2), toArray()))).toEqual([1, 2])
    expect(signals.at(-1)?.aborted).toBe(true)
    for await (const n of listing) if (n === 2) break
    expect(signals.at(-1)?.aborted).toBe(true)
    expect(await lastValueFrom(of(1))).toBe(1)
  })
})

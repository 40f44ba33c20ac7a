import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'
import { logRun } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
const ROWS = 12_000
const PAGE = 200 // 60 windows
const WINDOWS = ROWS / PAGE

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await logRun(srv, { project: 'adaptive', name: 'long', rows: ROWS, chunk: 6000 })
})
afterAll(() => srv.close())

/** A fetch that counts the history requests in flight at once (the wire is the real server). */
function countingFetch(): { fetch: FetchLike; peak: () => number } {
  let inFlight = 0
  let peak = 0
  const counted: FetchLike = async (url, init) => {
    const history = typeof init?.body === 'string' && init.body.includes('"RunHistory"')
    if (history) peak = Math.max(peak, ++inFlight)
    try {
      return await fetch(url, init)
    } finally {
      if (history) inFlight--
    }
  }
  return { fetch: counted, peak: () => peak }
}

const client = (options: ConstructorParameters<typeof Api>[0] = {}) =>
  new Api({ baseUrl: srv.url, apiKey: srv.apiKey, retry: { minDelayMs: 5, maxDelayMs: 20 }, ...options })
const scan = (api: Api, options: { concurrency?: number } = {}) =>
  lastValueFrom(
    api
      .run(`${srv.entity}/adaptive/long`)
      .scanHistory({ pageSize: PAGE, source: 'graphql', ...options })
      .pipe(toArray()),
  )
const inOrder = (rows: readonly { _step: number }[]) => rows.every((row, i) => row._step === i)

/** Scans the whole run (GraphQL windows: the path these tests measure) and checks every row came once, in order. */
async function scanAll(api: Api): Promise<void> {
  const rows = await scan(api)
  expect(rows).toHaveLength(ROWS)
  expect(inOrder(rows)).toBe(true)
}

async function withFaults<T>(plan: Parameters<Server['setFaults']>[0], task: () => Promise<T>): Promise<T> {
  srv.setFaults(plan)
  try {
    return await task()
  } finally {
    srv.setFaults(undefined)
  }
}

describe('adaptive concurrency against the local server', () => {
  it('backs off under 429 + Retry-After and latency jitter; retries stay bounded', async () => {
    const faults = { operations: ['RunHistory'], latencyMs: { min: 10, max: 30 } }
    const calm = client()
    await withFaults(faults, () => scanAll(calm))
    const pushed = client()
    await withFaults({ ...faults, rate: 0.15, kinds: ['429'], retryAfter: 0 }, () => scanAll(pushed))
    const quiet = calm.stats()
    const busy = pushed.stats()
    expect(quiet.retries).toBe(0)
    // Every 429 is retried once on average, never in a storm: retries track the fault rate.
    expect(busy.retries).toBeGreaterThan(0)
    expect(busy.retries).toBeLessThanOrEqual(WINDOWS / 2)
    expect(busy.failures).toBe(0)
    expect(busy.requests).toBe(quiet.requests + busy.retries)
    // It settled lower under pushback than without it.
    expect(busy.concurrency).toBeLessThan(quiet.concurrency)
    expect(busy.concurrency).toBeGreaterThanOrEqual(1)
  })

  it('never exceeds maxConcurrency', async () => {
    const counter = countingFetch()
    const api = client({ fetch: counter.fetch, maxConcurrency: 3 })
    await withFaults({ operations: ['RunHistory'], latencyMs: 10 }, () => scanAll(api))
    expect(counter.peak()).toBeLessThanOrEqual(3)
    expect(counter.peak()).toBeGreaterThan(1)
  })

  it('a fixed concurrency overrides the adaptive limit', async () => {
    const counter = countingFetch()
    const api = client({ fetch: counter.fetch })
    expect(await scan(api, { concurrency: 1 })).toHaveLength(ROWS)
    expect(counter.peak()).toBe(1)
  })

  it('rejects a maxConcurrency below 1', () => {
    expect(() => client({ maxConcurrency: 0 })).toThrow(RangeError)
  })
})

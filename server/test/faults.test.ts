import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { basic, fileStream, gqlOk, withServer } from './helpers.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer({ faults: { schedule: [{ request: 2, kind: '429', retryAfter: 3 }] } })
})
afterAll(() => srv.close())

const post = (query: string, operationName?: string) =>
  fetch(`${srv.url}/graphql`, {
    method: 'POST',
    headers: { authorization: basic(srv.apiKey), 'content-type': 'application/json' },
    body: JSON.stringify({ query, ...(operationName ? { operationName } : {}) }),
  })

describe('fault injection', () => {
  it('follows an exact schedule from the start-up options (2nd request → 429 + Retry-After)', async () => {
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 3; i++) {
      const res = await post('{ viewer { id } }')
      statuses.push(res.status)
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after')
        expect(((await res.json()) as any).errors[0].message).toMatch(/rate limit/)
      }
    }
    expect(statuses).toEqual([200, 429, 200])
    expect(retryAfter).toBe('3')
  })

  it('restricts faults to operation names and paths', async () => {
    srv.setFaults({
      rules: [
        { operations: ['Runs'], schedule: [{ request: 1, kind: '503' }] },
        { paths: ['/files/'], rate: 1, kinds: ['502'] },
      ],
    })
    expect((await post('query Viewer { viewer { id } }')).status).toBe(200)
    expect((await post('query Runs { viewer { id } }')).status).toBe(503)
    expect((await post('query Runs { viewer { id } }')).status).toBe(200)
    expect((await post('query A { viewer { id } } query Runs { viewer { id } }', 'Runs')).status).toBe(200)
    expect((await fileStream(srv, 'local/faulty/r', {})).status).toBe(502)
  })

  it('draws rate faults deterministically from the seed; setFaults restarts the sequence', async () => {
    const plan = { seed: 42, rate: 0.5, kinds: ['500', '502', '503'] as const }
    const sequence = async () => {
      srv.setFaults({ ...plan, kinds: [...plan.kinds] })
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await post('{ viewer { id } }')).status)
      return statuses
    }
    const first = await sequence()
    expect(await sequence()).toEqual(first)
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(2)
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(2)
  })

  it('answers malformed JSON and GraphQL errors in a 200 without executing', async () => {
    srv.setFaults({
      schedule: [
        { request: 1, kind: 'malformed' },
        { request: 2, kind: 'graphql-error' },
      ],
    })
    const malformed = await post('{ viewer { id } }')
    expect(malformed.status).toBe(200)
    expect(malformed.headers.get('content-type')).toBe('application/json')
    await expect(malformed.json()).rejects.toThrow()
    const gqlError = await post('mutation { upsertModel(input: {name: "never"}) { inserted } }')
    expect(await gqlError.json()).toEqual({
      errors: [{ message: 'injected fault', extensions: { code: 'INTERNAL' } }],
      data: null,
    })
    srv.setFaults()
    expect(await gqlOk(srv, '{ project(name: "never") { id } }')).toEqual({ project: null })
  })

  it('resets the connection mid-body after executing the request', async () => {
    srv.setFaults({ schedule: [{ request: 1, kind: 'reset' }] })
    await expect(
      (async () =>
        (await post('mutation { upsertModel(input: {name: "reset-proj"}) { inserted } }')).text())(),
    ).rejects.toThrow()
    srv.setFaults()
    expect((await gqlOk(srv, '{ project(name: "reset-proj") { name } }')).project).toEqual({
      name: 'reset-proj',
    })
  })

  it('adds latency to matching requests', async () => {
    srv.setFaults({ latencyMs: { min: 40, max: 60 } })
    const started = performance.now()
    expect((await post('{ viewer { id } }')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(39)
    srv.setFaults()
  })
})

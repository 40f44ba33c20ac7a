import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from 'wandb-rx-server'
import { Api } from '../../src/api/api.js'
import { AuthError } from '../../src/errors/auth-error.js'
import { GraphQLResponseError } from '../../src/errors/graphql-response-error.js'
import { RateLimitError } from '../../src/errors/rate-limit-error.js'
import { TransportError } from '../../src/errors/transport-error.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'

let srv: RunningServer
let other: RunningServer

beforeAll(async () => {
  ;[srv, other] = await Promise.all([startServer({ port: 0 }), startServer({ port: 0 })])
})
afterAll(async () => {
  await Promise.all([srv.close(), other.close()])
})
beforeEach(() => srv.setFaults())

const fastRetry = { minDelayMs: 10, maxDelayMs: 40 }
const api = (over: ConstructorParameters<typeof Api>[0] = {}) =>
  new Api({ baseUrl: srv.url, apiKey: srv.apiKey, retry: fastRetry, ...over })

/** Records every request's URL and Authorization header, then sends it for real. */
function recordingFetch() {
  const seen: { url: string; auth: string | null }[] = []
  const fetchImpl: FetchLike = (url, init) => {
    seen.push({ url, auth: new Headers(init?.headers).get('authorization') })
    return fetch(url, init)
  }
  return { seen, fetchImpl }
}

describe('HttpClient against the local server', () => {
  it('reads the viewer with Basic api:<key>', async () => {
    const me = await api().viewer()
    expect(me.entity).toBe(srv.entity)
  })

  it('waits out a 429 Retry-After: 1, then succeeds', async () => {
    srv.setFaults({ paths: ['/graphql'], schedule: [{ request: 1, kind: '429', retryAfter: 1 }] })
    const client = api()
    const started = Date.now()
    const me = await client.viewer()
    expect(me.entity).toBe(srv.entity)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1 })
  })

  it('gives up on 429 after the policy and says how long the server asked to wait', async () => {
    srv.setFaults({ paths: ['/graphql'], rate: 1, kinds: ['429'], retryAfter: 0 })
    const error = await api({ retry: { ...fastRetry, retries: 2 } })
      .viewer()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(0)
  })

  it.each(['500', '502', '503', 'reset', 'malformed'] as const)('retries a %s and succeeds', async (kind) => {
    srv.setFaults({ paths: ['/graphql'], schedule: [{ request: 1, kind }] })
    const client = api()
    expect((await client.viewer()).entity).toBe(srv.entity)
    expect(client.stats().retries).toBe(1)
  })

  it('does not retry a 401 and says how to pass a key', async () => {
    const client = api({ apiKey: 'local-wrongwrongwrongwrongwrongwrongwrongwrong' })
    const error = await client.viewer().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).status).toBe(401)
    expect((error as AuthError).message).toMatch(/WANDB_API_KEY/)
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0 })
  })

  it('turns GraphQL errors[] in a 200 into GraphQLResponseError without retrying', async () => {
    const client = api()
    const error = await client.context.http
      .graphql({ query: 'query Broken { nope }' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphQLResponseError)
    expect((error as GraphQLResponseError).status).toBe(400)
    expect((error as GraphQLResponseError).errors[0]?.message).toMatch(/nope/)
    expect(client.stats().retries).toBe(0)
  })

  it('reads a graphql-error fault (errors[] in a 200) as final', async () => {
    srv.setFaults({ paths: ['/graphql'], schedule: [{ request: 1, kind: 'graphql-error' }] })
    const client = api()
    const error = await client.viewer().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphQLResponseError)
    expect((error as GraphQLResponseError).status).toBe(200)
    expect(client.stats().retries).toBe(0)
  })

  it('does not retry mutations unless marked idempotent', async () => {
    srv.setFaults({ paths: ['/graphql'], schedule: [{ request: 1, kind: '503' }] })
    const mutation = 'mutation M($input: UpsertModelInput!) { upsertModel(input: $input) { inserted } }'
    const variables = { input: { name: 'p-mut', entityName: srv.entity } }
    const once = await api()
      .context.http.graphql({ query: mutation, variables })
      .catch((e: unknown) => e)
    expect(once).toBeInstanceOf(TransportError)
    expect((once as TransportError).status).toBe(503)
    srv.setFaults({ paths: ['/graphql'], schedule: [{ request: 1, kind: '503' }] })
    const retried = await api().context.http.graphql({ query: mutation, variables, idempotent: true })
    expect(retried).toHaveProperty('upsertModel')
  })

  it('rejects promptly with status 0 when aborted during backoff', async () => {
    srv.setFaults({ paths: ['/graphql'], rate: 1, kinds: ['503'] })
    const client = api({ retry: { retries: 5, minDelayMs: 10_000, maxDelayMs: 10_000 } })
    const controller = new AbortController()
    const started = Date.now()
    const pending = client.viewer({ signal: controller.signal }).catch((e: unknown) => e)
    setTimeout(() => controller.abort(), 200)
    const error = await pending
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).status).toBe(0)
    expect((error as TransportError).message).toMatch(/aborted/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('times out a slow attempt and retries it', async () => {
    srv.setFaults({ paths: ['/graphql'], rules: [{ paths: ['/graphql'], latencyMs: 400 }], schedule: [] })
    const error = await api({ timeoutMs: 100, retry: { ...fastRetry, retries: 1 } })
      .viewer()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).status).toBe(0)
    expect((error as TransportError).message).toMatch(/timed out/)
  })

  it('fails at once on a malformed URL instead of retrying it', async () => {
    const client = api({ retry: { retries: 5, minDelayMs: 5_000 } })
    const error = await client.context.http.request({ url: 'http://exa mple.com/x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).message).toMatch(/invalid URL/)
    expect(client.stats()).toMatchObject({ requests: 0, retries: 0 })
  })

  it('rejects a base URL that is not http(s) when the Api is built', () => {
    expect(() => new Api({ baseUrl: 'api.wandb.ai' })).toThrow(/invalid baseUrl/)
  })

  it('unlinks each attempt from the caller signal, so long scans add no abort listeners', async () => {
    const client = api()
    const controller = new AbortController()
    let listeners = 0
    const add = controller.signal.addEventListener.bind(controller.signal)
    const remove = controller.signal.removeEventListener.bind(controller.signal)
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      if (args[0] === 'abort') listeners++
      add(...args)
    }) as typeof add
    controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      if (args[0] === 'abort') listeners--
      remove(...args)
    }) as typeof remove
    for (let i = 0; i < 5; i++) await client.viewer({ signal: controller.signal })
    expect(listeners).toBe(0)
  })

  it('sends the key only under the base URL, never to another host', async () => {
    const { seen, fetchImpl } = recordingFetch()
    const client = api({ fetch: fetchImpl })
    await client.viewer()
    await client.context.http.request({ url: `${other.url}/graphql`, method: 'GET' }).catch(() => undefined)
    expect(seen[0]).toMatchObject({ url: `${srv.url}/graphql` })
    expect(seen[0]?.auth).toBe(`Basic ${btoa(`api:${srv.apiKey}`)}`)
    expect(seen[1]).toEqual({ url: `${other.url}/graphql`, auth: null })
  })
})

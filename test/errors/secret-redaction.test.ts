import { describe, expect, it } from 'vitest'
import { Api } from '../../src/api/api.js'
import { TransportError } from '../../src/errors/transport-error.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'

const KEY = 'local-9b1f3c0d2e4a6b8c0d1e2f3a4b5c6d7e8f9a0b1c'
const BASIC = btoa(`api:${KEY}`)

/** Everything an error exposes: message, stack, own fields, toJSON, and its cause chain. */
function everythingIn(error: unknown): string {
  const seen: string[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as Error & { toJSON?: () => unknown }
    seen.push(
      String(e.message),
      String(e.stack),
      JSON.stringify(e.toJSON?.() ?? {}),
      JSON.stringify({ ...e }),
    )
    current = e.cause
  }
  return seen.join('\n')
}

/**
 * Servers that echo credentials back are a fault our local server cannot produce, so these fakes
 * sit at the injected `fetch` boundary.
 */
const echoing =
  (status: number): FetchLike =>
  async (_url, init) => {
    const auth = new Headers(init?.headers).get('authorization') ?? ''
    return new Response(JSON.stringify({ error: `bad request from ${auth} key=${KEY}` }), { status })
  }

describe('the API key never appears in an error', () => {
  it.each([400, 401, 403, 429, 500])('HTTP %i echoing the key and header', async (status) => {
    const api = new Api({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: KEY,
      fetch: echoing(status),
      retry: { retries: 0 },
    })
    const error = await api.viewer().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).status).toBe(status)
    const text = everythingIn(error)
    expect(text).toContain('REDACTED')
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(BASIC)
  })

  it('network failures whose cause mentions the URL do not leak the key', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('fetch failed')
    }
    const api = new Api({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, fetch: failing, retry: { retries: 0 } })
    const error = await api.viewer().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).status).toBe(0)
    expect(everythingIn(error)).not.toContain(KEY)
  })
})

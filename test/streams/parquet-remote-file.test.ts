import { describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/internal/api-context.js'
import { AbortScope } from '../../src/streams/abort-scope.js'
import { headRemoteFile, remoteFile } from '../../src/streams/parquet-remote-file.js'
import { SignedUrls, urlPath } from '../../src/streams/signed-urls.js'
import { HttpClient } from '../../src/transport/http-client.js'

const BASE = 'http://127.0.0.1:9'
const FILE = `${BASE}/files/history/0-9-a1.parquet`
const bytes = new Uint8Array(Array.from({ length: 100 }, (_, i) => i))

interface Sent {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
}

/**
 * A file server at the fetch boundary with the faults the local server never makes: `fault`
 * changes how a ranged GET is answered. Every request is recorded.
 */
function fileServer(
  fault: 'none' | 'whole' | 'wrong-part' | 'short' | 'new-etag' | 'broken-body' = 'none',
  expired = new Set<string>(),
) {
  const sent: Sent[] = []
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>
    const method = init?.method ?? 'GET'
    sent.push({ url: String(url), method, headers })
    if (expired.has(String(url))) return new Response('expired', { status: 403 })
    const base = { 'Accept-Ranges': 'bytes', ETag: '"v1"' }
    if (method === 'HEAD')
      return new Response(null, { headers: { ...base, 'Content-Length': String(bytes.length) } })
    const match = /bytes=(\d+)-(\d+)/.exec(headers['Range'] ?? '')
    if (!match || fault === 'whole') return new Response(bytes.slice(), { headers: base })
    const [a, b] = [Number(match[1]), Number(match[2])]
    if (fault === 'short') return new Response(bytes.slice(0, 10), { headers: base })
    if (fault === 'broken-body' && sent.filter((s) => s.method === 'GET').length <= 2) {
      const broken = new ReadableStream<Uint8Array>({
        start: (c) => (c.enqueue(bytes.slice(a, a + 1)), c.error(new Error('socket hang up'))),
      })
      return new Response(broken, {
        status: 206,
        headers: { ...base, 'Content-Range': `bytes ${a}-${b}/100` },
      })
    }
    const from = fault === 'wrong-part' ? a + 1 : a
    const etag = fault === 'new-etag' ? '"v2"' : '"v1"'
    return new Response(bytes.slice(from, b + 1), {
      status: 206,
      headers: { ...base, ETag: etag, 'Content-Range': `bytes ${from}-${b}/${bytes.length}` },
    })
  }
  const http = new HttpClient({
    baseUrl: BASE,
    apiKey: async () => 'secret-key',
    fetch,
    retry: { retries: 0 },
  })
  return { ctx: { http } as unknown as ApiContext, sent }
}

const open = async (ctx: ApiContext, urls: SignedUrls, scope = new AbortScope()) => {
  const path = urlPath(FILE)
  return remoteFile(ctx, urls, path, await headRemoteFile(ctx, urls, path, scope), scope)
}
const fixed = (url = `${FILE}?sig=1`) => new SignedUrls([url], async () => [url])
const view = async (buffer: ArrayBuffer | Promise<ArrayBuffer>) => [...new Uint8Array(await buffer)]

describe('remoteFile', () => {
  it('reads ranges with HEAD + Range and sends no Authorization, even under the base URL', async () => {
    const { ctx, sent } = fileServer()
    const file = await open(ctx, fixed())
    expect(file.byteLength).toBe(100)
    expect(await view(file.slice(10, 14))).toEqual([10, 11, 12, 13])
    expect(sent.map((s) => [s.method, s.headers['Range']])).toEqual([
      ['HEAD', undefined],
      ['GET', 'bytes=10-13'],
    ])
    expect(sent.every((s) => !('Authorization' in s.headers))).toBe(true)
    expect(ctx.http.stats.parquetRequests).toBe(2)
    expect(ctx.http.stats.parquetBytes).toBe(4)
  })

  it('serves a range answered with the whole file (200) from that copy, right bytes only', async () => {
    const { ctx, sent } = fileServer('whole')
    const file = await open(ctx, fixed())
    expect(await view(file.slice(95, 98))).toEqual([95, 96, 97])
    expect(await view(file.slice(0, 2))).toEqual([0, 1])
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(1)
  })

  it('refuses a part that is not the range asked for, a short body, or a changed ETag', async () => {
    for (const [fault, reason] of [
      ['wrong-part', 'mismatch'],
      ['short', 'corrupt'],
      ['new-etag', 'mismatch'],
    ] as const) {
      const { ctx } = fileServer(fault)
      const file = await open(ctx, fixed())
      await expect(Promise.resolve(file.slice(10, 20))).rejects.toMatchObject({
        name: 'ParquetHistoryError',
        reason,
      })
    }
  })

  it('aborting the scope aborts reads in flight and refuses later ones', async () => {
    const { ctx, sent } = fileServer()
    const scope = new AbortScope()
    const file = await open(ctx, fixed(), scope)
    scope.abort()
    await expect(Promise.resolve(file.slice(0, 4))).rejects.toMatchObject({
      name: 'TransportError',
      status: 0,
    })
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(0)
  })

  it('asks a range again when its body breaks off, a bounded number of times', async () => {
    const { ctx, sent } = fileServer('broken-body')
    const file = await open(ctx, fixed())
    expect(await view(file.slice(10, 14))).toEqual([10, 11, 12, 13])
    expect(sent.filter((s) => s.method === 'GET')).toHaveLength(3)
    expect(ctx.http.stats.retries).toBe(2)
  })

  it('asks for fresh signed URLs after a 403 and goes on with them', async () => {
    const { ctx, sent } = fileServer('none', new Set([`${FILE}?sig=old`]))
    let asked = 0
    const urls = new SignedUrls([`${FILE}?sig=old`], async () => (asked++, [`${FILE}?sig=new`]))
    const file = await open(ctx, urls)
    expect(await view(file.slice(0, 3))).toEqual([0, 1, 2])
    expect(asked).toBe(1)
    expect(sent.map((s) => s.url.split('?')[1])).toEqual(['sig=old', 'sig=new', 'sig=new'])
  })

  it('gives up with ParquetHistoryError("expired") when fresh URLs keep being refused', async () => {
    const { ctx, sent } = fileServer('none', new Set([`${FILE}?sig=old`]))
    let asked = 0
    const urls = new SignedUrls([`${FILE}?sig=old`], async () => (asked++, [`${FILE}?sig=old`]), 2)
    await expect(open(ctx, urls)).rejects.toMatchObject({ name: 'ParquetHistoryError', reason: 'expired' })
    expect(asked).toBe(2)
    expect(sent).toHaveLength(3)
  })
})

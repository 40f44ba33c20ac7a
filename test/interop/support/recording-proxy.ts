import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request seen by a {@link RecordingProxy}. */
export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly status: number
  /** GraphQL `operationName` (or the first operation's name in the document); '' when unnamed. */
  readonly operation?: string
  /** The first line of the GraphQL document, for unnamed operations. */
  readonly query?: string
  /** GraphQL `errors[].message` of the reply, when any. */
  readonly errors?: readonly string[]
}

export interface RecordingProxy {
  /** Base URL to give the client instead of the server's. */
  readonly url: string
  readonly requests: RecordedRequest[]
  /** Requests that failed (4xx/5xx, or GraphQL errors) and that `allowed` does not excuse. */
  failures(allowed?: (r: RecordedRequest) => boolean): RecordedRequest[]
  close(): Promise<void>
}

/**
 * A logging reverse proxy on 127.0.0.1 in front of `target`: records each request's operation,
 * status and GraphQL errors, so an interop test can fail on any request the server refused.
 * wandb-core's telemetry probe (`/sdk/otel/…`, answered 404 "no proxy here") is always allowed.
 *
 * @example
 * const proxy = await startRecordingProxy(srv.url)
 * // … run the official client against proxy.url …
 * expect(proxy.failures()).toEqual([])
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const base = new URL(target)
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const upstream = httpRequest(
        {
          host: base.hostname,
          port: base.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: base.host },
        },
        (up: IncomingMessage) => {
          const out: Buffer[] = []
          up.on('data', (c: Buffer) => out.push(c))
          up.on('end', () => {
            const reply = Buffer.concat(out)
            requests.push(record(req, body, up.statusCode ?? 0, reply))
            res.writeHead(up.statusCode ?? 502, up.headers)
            res.end(reply)
          })
        },
      )
      upstream.on('error', (e) => {
        requests.push({ method: req.method ?? '', path: req.url ?? '', status: 502, errors: [e.message] })
        res.writeHead(502).end()
      })
      upstream.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failures: (allowed = () => false) =>
      requests.filter(
        (r) =>
          (r.status >= 400 || (r.errors?.length ?? 0) > 0) && !r.path.startsWith('/sdk/otel/') && !allowed(r),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function record(req: IncomingMessage, body: Buffer, status: number, reply: Buffer): RecordedRequest {
  const path = req.url ?? ''
  const base = { method: req.method ?? '', path, status }
  if (!path.startsWith('/graphql')) return base
  try {
    const sent = JSON.parse(body.toString()) as { operationName?: string; query?: string }
    const query = sent.query ?? ''
    const named = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1] ?? ''
    const operation = sent.operationName || named
    const errors = (JSON.parse(reply.toString()) as { errors?: { message: string }[] }).errors?.map(
      (e) => e.message,
    )
    return { ...base, operation, query: query.trim().split('\n')[0] ?? '', ...(errors ? { errors } : {}) }
  } catch {
    return { ...base, errors: ['unreadable GraphQL request or reply'] }
  }
}

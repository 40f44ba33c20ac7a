import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A started static site: its origin and how to stop it. */
export interface StaticSite {
  readonly url: string
  close(): Promise<void>
}

/**
 * Serves fixed files from memory on 127.0.0.1 and a random port: a page on another origin
 * than the server it calls (another port is another origin).
 */
export async function serveStatic(
  files: Readonly<Record<string, { type: string; body: string }>>,
): Promise<StaticSite> {
  const server = createServer((req, res) => {
    const file = files[req.url ?? '']
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' })
    res.end(file?.body ?? 'not found')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}

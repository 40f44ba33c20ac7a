import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'
import { fileStream as postFileStream, logRun } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await logRun(srv, { project: 'logs', name: 'r', rows: 1 })
  const content = Array.from({ length: 25 }, (_, i) => `2024-01-01T00:00:00.000000 line ${i}`)
  await postFileStream(srv, 'logs', 'r', { files: { 'output.log': { offset: 0, content } } })
})
afterAll(() => srv.close())

/**
 * Rewrites each `RunLogLines` answer as W&B's backend may send it, which our server never does:
 * `hasNextPage: false` mid-log (a page cut short), or a `logLineCount` larger than the lines.
 */
const rewriting =
  (
    edit: (logLines: { pageInfo: { hasNextPage: boolean } }, run: { logLineCount: number }) => void,
  ): FetchLike =>
  async (input, init) => {
    const response = await fetch(input, init)
    if (!String(init?.body ?? '').includes('RunLogLines')) return response
    const body = (await response.json()) as { data: { project: { run: any } } }
    const run = body.data.project.run
    edit(run.logLines, run)
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers })
  }

const lines = (fetch: FetchLike, calls: { n: number }) =>
  lastValueFrom(
    new Api({
      baseUrl: srv.url,
      apiKey: srv.apiKey,
      fetch: (input, init) => {
        if (String(init?.body ?? '').includes('RunLogLines')) calls.n++
        return fetch(input, init)
      },
    })
      .run(`${srv.entity}/logs/r`)
      .logs({ perPage: 10 })
      .pipe(toArray()),
  )

describe('run logs paging (wandb-core runhandler.go)', () => {
  it('reads on past a page that ends early with hasNextPage: false, up to logLineCount', async () => {
    const calls = { n: 0 }
    const early = rewriting((logLines) => {
      logLines.pageInfo.hasNextPage = false
    })
    const read = await lines(early, calls)
    expect(read.map((l) => l.number)).toEqual(Array.from({ length: 25 }, (_, i) => i))
    expect(calls.n).toBe(3)
  })

  it('stops when logLineCount promises lines the server does not have', async () => {
    const calls = { n: 0 }
    const inflated = rewriting((logLines, run) => {
      logLines.pageInfo.hasNextPage = false
      run.logLineCount = 1000
    })
    const read = await lines(inflated, calls)
    expect(read).toHaveLength(25)
    expect(calls.n).toBeLessThanOrEqual(4)
  })
})

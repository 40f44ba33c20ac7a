import { lastValueFrom, toArray, type Observable } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { HistoryRow } from '../../src/codecs/history-row-codec.js'
import { parseExtendedJson } from '../../src/internal/extended-json.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'
import { logRun } from '../support/local-run-writer.js'
import { record } from '../support/recorder.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
const rows = [
  { _step: 0, loss: 1, acc: 0.5, deep: { lr: 0.1 } },
  { _step: 1, loss: NaN, acc: Infinity, deep: { lr: -Infinity } },
  { _step: 2, loss: -Infinity, acc: 0.75, deep: { lr: NaN } },
]

/**
 * W&B's backend writes non-finite numbers in `JSON`-typed fields as the strings "NaN",
 * "Infinity", "-Infinity" (PROTOCOL.md §12); our server still sends bare tokens, so this fetch
 * re-encodes each GraphQL answer that way. Rows of `history` are `JSONString`s: strings, untouched.
 */
const asWandbBackend: FetchLike = async (input, init) => {
  const response = await fetch(input, init)
  if (!String(input).endsWith('/graphql')) return response
  const body = parseExtendedJson(await response.text())
  const text = JSON.stringify(body, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
  )
  return new Response(text, { status: response.status, headers: response.headers })
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await logRun(srv, { project: 'nonfinite', name: 'r', rows })
})
afterAll(() => srv.close())

const all = <T>(source: Observable<T>) => lastValueFrom(source.pipe(toArray()))
const pick = (list: readonly HistoryRow[]) =>
  list.map((r) => ({ _step: r._step, loss: r['loss'], acc: r['acc'], deep: r['deep'] }))

describe('non-finite numbers in JSON-typed history fields, as W&B sends them', () => {
  const run = () =>
    new Api({ baseUrl: srv.url, apiKey: srv.apiKey, fetch: asWandbBackend }).run(`${srv.entity}/nonfinite/r`)

  it('history(), history({ keys }) and the tail give the same numbers for the same rows', async () => {
    const plain = pick(await all(run().history()))
    expect(plain).toEqual(rows)
    const keys = ['loss', 'acc', 'deep']
    expect(pick(await all(run().history({ keys })))).toEqual(plain)
    expect(pick(await all(run().history({ keys, tail: 2 })))).toEqual(plain.slice(1))
  })

  it('watch() rows carry numbers, with and without keys', async () => {
    for (const keys of [undefined, ['loss', 'acc', 'deep']]) {
      const events = await record(run().watch({ intervalMs: 20, ...(keys ? { keys } : {}) })).done()
      const watched = events.flatMap((e) => (e.type === 'history' ? e.rows : []))
      expect(pick(watched)).toEqual(rows)
    }
  })

  it('still reads bare NaN tokens (our server as it is)', async () => {
    const direct = new Api({ baseUrl: srv.url, apiKey: srv.apiKey }).run(`${srv.entity}/nonfinite/r`)
    expect(pick(await all(direct.history({ keys: ['loss', 'acc', 'deep'] })))).toEqual(rows)
  })
})

import { lastValueFrom, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { logRun, makeRows } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let api: Api
const steps = (rows: readonly { _step?: unknown }[]) => rows.map((r) => r._step)
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey, retry: { minDelayMs: 10, maxDelayMs: 50 } })
  await logRun(srv, { project: 'hist', name: 'long', rows: 2000 })
  await logRun(srv, {
    project: 'hist',
    name: 'sparse',
    rows: [...makeRows(10), ...makeRows(10, undefined, 5000), ...makeRows(1, undefined, 12_000)],
  })
  const odd = [
    { _step: 0, loss: 1, acc: 1 },
    { _step: 1, loss: NaN, acc: 2 },
    { _step: 2, loss: 3 },
    { _step: 3, acc: 4 },
    { _step: 4, acc: 5 },
  ]
  await logRun(srv, { project: 'hist', name: 'odd', rows: odd })
  const writer = await logRun(srv, { project: 'hist', name: 'sys', rows: 3, complete: false })
  await writer.logEvents(
    [1, 2, 3].map((i) => ({
      'system.cpu': i * 10,
      _wandb: true,
      _timestamp: 1_700_000_000 + i,
      _runtime: i,
    })),
  )
  await writer.finish()
})
afterAll(() => srv.close())

const all = <T>(source: import('rxjs').Observable<T>) => lastValueFrom(source.pipe(toArray()))

describe('history (sampled) over HTTP', () => {
  it('samples to about `samples` rows (default 500), keeping order, first and last', async () => {
    const rows = await all(api.run(`${srv.entity}/hist/long`).history())
    expect(rows.length).toBeLessThanOrEqual(500)
    expect(rows.length).toBeGreaterThan(400)
    const s = steps(rows) as number[]
    expect(s).toEqual([...s].sort((a, b) => a - b))
    expect(s[0]).toBe(0)
    expect(s.at(-1)).toBe(1999)
  })

  it('with keys, asks sampledHistory for rows holding them, with just those keys', async () => {
    const rows = await all(api.run(`${srv.entity}/hist/long`).history({ keys: ['loss'], samples: 50 }))
    expect(rows.length).toBeLessThanOrEqual(50)
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['_step', 'loss'])
    const odd = await all(api.run(`${srv.entity}/hist/odd`).history({ keys: ['loss', 'acc'] }))
    expect(steps(odd)).toEqual([0, 1])
    expect(odd[1]?.['loss']).toBeNaN()
  })

  it("stream: 'system' reads events", async () => {
    const rows = await all(api.run(`${srv.entity}/hist/sys`).history({ stream: 'system' }))
    expect(rows.map((r) => r['system.cpu'])).toEqual([10, 20, 30])
  })

  it('tail: n is exactly the last n rows, unsampled', async () => {
    expect(steps(await all(api.run(`${srv.entity}/hist/long`).history({ tail: 7 })))).toEqual(
      range(1993, 2000),
    )
    expect(steps(await all(api.run(`${srv.entity}/hist/long`).history({ tail: 1200 })))).toEqual(
      range(800, 2000),
    )
  })

  it('tail reaches back over skipped steps and counts only rows holding the keys', async () => {
    const sparse = await all(api.run(`${srv.entity}/hist/sparse`).history({ tail: 12 }))
    expect(steps(sparse)).toEqual([9, ...range(5000, 5010), 12_000])
    const odd = await all(api.run(`${srv.entity}/hist/odd`).history({ tail: 3, keys: ['acc'] }))
    expect(steps(odd)).toEqual([1, 3, 4])
    expect(await all(api.run(`${srv.entity}/hist/odd`).history({ tail: 50 }))).toHaveLength(5)
    expect(await all(api.run(`${srv.entity}/hist/odd`).history({ tail: 0 }))).toEqual([])
  })

  it('rejects contradictory options synchronously', () => {
    expect(() => api.run('e/p/r').history({ stream: 'system', keys: ['a'] } as never)).toThrow(TypeError)
    expect(() => api.run('e/p/r').history({ samples: 0 })).toThrow(RangeError)
  })

  it('a missing run is a NotFoundError', async () => {
    await expect(all(api.run(`${srv.entity}/hist/nope`).history())).rejects.toBeInstanceOf(NotFoundError)
    await expect(all(api.run(`${srv.entity}/nope/nope`).history({ tail: 3 }))).rejects.toMatchObject({
      resource: 'project',
    })
  })
})

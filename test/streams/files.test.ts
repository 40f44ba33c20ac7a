import { lastValueFrom, take, toArray } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { logRun, uploadFiles } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
const client = () =>
  new Api({ baseUrl: srv.url, apiKey: srv.apiKey, retry: { minDelayMs: 10, maxDelayMs: 50 } })
const names = Array.from(
  { length: 23 },
  (_, i) => `f${String(i).padStart(2, '0')}.${i % 3 === 0 ? 'json' : 'txt'}`,
)

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await logRun(srv, { project: 'files', name: 'r1' })
  await uploadFiles(srv, 'files', 'r1', Object.fromEntries(names.map((n) => [n, `content of ${n}`])))
})
afterAll(() => srv.close())

describe('files over HTTP', () => {
  it('pages with fileCursor/fileLimit until the last page', async () => {
    const api = client()
    const files = await lastValueFrom(api.run(`${srv.entity}/files/r1`).files({ perPage: 5 }).pipe(toArray()))
    expect(files.map((f) => f.name).sort()).toEqual([...names].sort())
    expect(new Set(files.map((f) => f.id)).size).toBe(23)
    expect(files[0]).toMatchObject({ sizeBytes: expect.any(Number), md5: expect.any(String) })
    expect(api.stats().requests).toBe(5)
    expect(api.stats().rows).toBe(23)
  })

  it('filters by exact names or a LIKE pattern, not both', async () => {
    const run = client().run(`${srv.entity}/files/r1`)
    const byName = await lastValueFrom(run.files({ names: ['f01.txt', 'f03.json'] }).pipe(toArray()))
    expect(byName.map((f) => f.name).sort()).toEqual(['f01.txt', 'f03.json'])
    const json = await lastValueFrom(run.files({ pattern: '%.json', perPage: 3 }).pipe(toArray()))
    expect(json.map((f) => f.name).sort()).toEqual(names.filter((n) => n.endsWith('.json')).sort())
    expect(() => run.files({ names: ['a'], pattern: '%' })).toThrow(TypeError)
  })

  it('file(name) finds one file, or rejects with NotFoundError', async () => {
    const run = client().run(`${srv.entity}/files/r1`)
    expect(await run.file('f07.txt')).toMatchObject({
      name: 'f07.txt',
      sizeBytes: 'content of f07.txt'.length,
    })
    await expect(run.file('nope.txt')).rejects.toMatchObject({ name: 'NotFoundError', resource: 'file' })
  })

  it('take(n) stops paging', async () => {
    const api = client()
    const files = await lastValueFrom(
      api.run(`${srv.entity}/files/r1`).files({ perPage: 5 }).pipe(take(3), toArray()),
    )
    expect(files).toHaveLength(3)
    expect(api.stats().requests).toBeLessThanOrEqual(2)
  })

  it('a missing run is a NotFoundError', async () => {
    await expect(lastValueFrom(client().run(`${srv.entity}/files/nope`).files())).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })
})

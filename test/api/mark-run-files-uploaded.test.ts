import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import type { FetchLike } from '../../src/transport/resolve-fetch.js'
import { logRun, writerGraphql } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await logRun(srv, { project: 'mark', name: 'r', rows: 1 })
})
afterAll(() => srv.close())

const operation = (init?: RequestInit) =>
  /(?:query|mutation) (\w+)/.exec(String(init?.body ?? ''))?.[1] ?? 'PUT'

/** Records each request's operation and the answers of `MarkRunFilesUploaded`. */
function recording(fault?: (op: string) => Response | undefined) {
  const ops: string[] = []
  const marks: unknown[] = []
  const fetchFn: FetchLike = async (input, init) => {
    const op = init?.method === 'PUT' ? 'PUT' : operation(init)
    ops.push(op)
    const faulty = fault?.(op)
    if (faulty) return faulty
    const response = await fetch(input, init)
    if (op === 'MarkRunFilesUploaded') marks.push(await response.clone().json())
    return response
  }
  const api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey, fetch: fetchFn })
  return { ops, marks, run: api.run(`${srv.entity}/mark/r`) }
}

const MARK = `mutation M($e: String!, $p: String!, $r: String!, $f: [String!]!) {
  markRunFilesUploaded(input: {entityName: $e, projectName: $p, runName: $r, files: $f}) { success } }`

describe('markRunFilesUploaded after an upload (Python 0.30, wandb-core)', () => {
  it('is sent after the PUT, and the server registers the uploaded file', async () => {
    const { ops, marks, run } = recording()
    const f = await run.uploadFile(new TextEncoder().encode('weights'), { name: 'model.bin' })
    expect(f.name).toBe('model.bin')
    const put = ops.indexOf('PUT')
    expect(ops.slice(put, put + 3)).toEqual(['PUT', 'ServerFeaturesQuery', 'MarkRunFilesUploaded'])
    expect(marks).toEqual([{ data: { markRunFilesUploaded: { success: true } } }])
  })

  it('the server answers success: false for a file created but never uploaded', async () => {
    const files = ['never.bin']
    const names = { entityName: srv.entity, projectName: 'mark', runName: 'r', files }
    await writerGraphql(srv, `mutation C($i: CreateRunFilesInput!) { createRunFiles(input: $i) { runID } }`, {
      i: names,
    })
    const answer = await writerGraphql(srv, MARK, { e: srv.entity, p: 'mark', r: 'r', f: files })
    expect(answer).toEqual({ markRunFilesUploaded: { success: false } })
  })

  it('is not sent when serverInfo.features does not enable it (asked once per Api)', async () => {
    const disabled = () =>
      Response.json({
        data: { serverInfo: { features: [{ name: 'MARK_RUN_FILES_UPLOADED', isEnabled: false }] } },
      })
    const { ops, run } = recording((op) => (op === 'ServerFeaturesQuery' ? disabled() : undefined))
    await run.uploadFile(new TextEncoder().encode('c'), { name: 'c.txt' })
    await run.uploadFile(new TextEncoder().encode('d'), { name: 'd.txt' })
    expect(ops.filter((o) => o === 'PUT')).toHaveLength(2)
    expect(ops.filter((o) => o === 'ServerFeaturesQuery')).toHaveLength(1)
    expect(ops).not.toContain('MarkRunFilesUploaded')
  })

  it('a server that lists it but lacks the mutation is asked once per Api; uploads still succeed', async () => {
    const rejected = () =>
      Response.json(
        { errors: [{ message: 'Cannot query field "markRunFilesUploaded" on type "Mutation".' }] },
        { status: 400 },
      )
    const { ops, run } = recording((op) => (op === 'MarkRunFilesUploaded' ? rejected() : undefined))
    await run.uploadFile(new TextEncoder().encode('a'), { name: 'a.txt' })
    await run.uploadFile(new TextEncoder().encode('b'), { name: 'b.txt' })
    expect(ops.filter((o) => o === 'PUT')).toHaveLength(2)
    expect(ops.filter((o) => o === 'MarkRunFilesUploaded')).toHaveLength(1)
  })
})

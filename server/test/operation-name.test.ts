import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { basic, withServer } from './helpers.js'

/** wandb-core sends `"operationName": ""` with the documents Python builds (PROTOCOL.md §12). */
describe('an empty operationName', () => {
  let srv: RunningServer
  beforeAll(async () => {
    srv = await withServer()
  })
  afterAll(() => srv.close())

  const post = async (body: unknown) => {
    const res = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { authorization: basic(srv.apiKey), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string }[] } }
  }

  it('runs the document’s only operation, named or not', async () => {
    for (const query of ['query GetViewer { viewer { username } }', '{ viewer { username } }']) {
      const { status, body } = await post({ query, operationName: '', variables: {} })
      expect(status).toBe(200)
      expect(body.data.viewer.username).toBe('local')
    }
  })

  it('is refused with a clear error when the document has several operations', async () => {
    const { status, body } = await post({
      query: 'query A { viewer { username } } query B { viewer { email } }',
      operationName: '',
    })
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toBe('the document needs exactly one operation or an operationName')
  })
})

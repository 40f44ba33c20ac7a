import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { basic, gql, gqlOk, withServer } from './helpers.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer({ limits: { graphqlBytes: 64 * 1024 } })
})
afterAll(() => srv.close())

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${srv.url}${path}`, {
    method: 'POST',
    headers: { authorization: basic(srv.apiKey), 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  })

describe('HTTP layer', () => {
  it('serves a URL without trailing slash, a W&B-format key and the entity "local"', () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(srv.apiKey).toMatch(/^local-[A-Za-z0-9_-]{40,}$/)
    expect(srv.entity).toBe('local')
  })

  it.each([
    ['no key', {}],
    ['a wrong key', { authorization: basic('local-wrongwrongwrongwrongwrongwrongwrongwrong') }],
    ['a malformed header', { authorization: 'Basic !!!' }],
  ])('answers 401 JSON for %s', async (_label, headers) => {
    const res = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    })
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/json')
    const body = (await res.json()) as { errors: { message: string }[] }
    expect(body.errors[0]?.message).toMatch(/API key/)
  })

  it('accepts a Bearer key too', async () => {
    const res = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${srv.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { entity } }' }),
    })
    expect(await res.json()).toEqual({ data: { viewer: { entity: 'local' } } })
  })

  it('answers malformed JSON with 400 and errors[]', async () => {
    const res = await post('/graphql', '{"query": ')
    expect(res.status).toBe(400)
    expect(((await res.json()) as any).errors[0].message).toMatch(/not valid JSON/)
  })

  it.each([
    ['a syntax error', { query: '{ viewer { ' }, /Syntax Error/],
    ['an unknown field', { query: '{ viewer { nope } }' }, /Cannot query field "nope"/],
    [
      'an unknown operation name',
      { query: 'query A { viewer { id } }', operationName: 'B' },
      /unknown operation "B"/,
    ],
    [
      'two operations without a name',
      { query: 'query A { viewer { id } } query B { viewer { id } }' },
      /exactly one/,
    ],
    ['a missing query', { variables: {} }, /"query" must be a string/],
    ['a non-object body', [1, 2], /JSON object/],
  ])('answers %s with 400 and errors[]', async (_label, body, message) => {
    const res = await post('/graphql', JSON.stringify(body))
    expect(res.status).toBe(400)
    const json = (await res.json()) as any
    expect(json.errors[0].message).toMatch(message)
  })

  it('answers an oversize body with 413 and keeps serving', async () => {
    const res = await post(
      '/graphql',
      JSON.stringify({ query: `{ viewer { id } } # ${'x'.repeat(100_000)}` }),
    )
    expect(res.status).toBe(413)
    expect(((await res.json()) as any).errors[0].message).toMatch(/over/)
    expect(await gqlOk(srv, '{ viewer { username } }')).toEqual({ viewer: { username: 'local' } })
  })

  it('answers unknown endpoints with 404 and wrong methods with 405', async () => {
    expect((await fetch(`${srv.url}/nope`)).status).toBe(404)
    const res = await fetch(`${srv.url}/graphql`)
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  })

  it('runs the named operation of a multi-operation document', async () => {
    const res = await post(
      '/graphql',
      JSON.stringify({
        query: 'query A { viewer { id } } query B { viewer { username } }',
        operationName: 'B',
      }),
    )
    expect(await res.json()).toEqual({ data: { viewer: { username: 'local' } } })
  })

  it('accepts gzip request bodies (FILESTREAM_GZIP)', async () => {
    const body = gzipSync(JSON.stringify({ query: '{ viewer { username } }' }))
    const res = await post('/graphql', body, { 'content-encoding': 'gzip' })
    expect(await res.json()).toEqual({ data: { viewer: { username: 'local' } } })
  })

  it('serves serverInfo with features and version info', async () => {
    const data = await gqlOk(
      srv,
      `{ serverInfo { features { name isEnabled } cliVersionInfo
         latestLocalVersionInfo { outOfDate latestVersionString versionOnThisInstanceString } } }`,
    )
    expect(data.serverInfo.features).toContainEqual({ name: 'FILESTREAM_GZIP', isEnabled: true })
    expect(data.serverInfo.latestLocalVersionInfo.outOfDate).toBe(false)
  })

  it('answers the login check query of the Python SDK', async () => {
    const data = await gqlOk(
      srv,
      '{ viewer { id entity username email admin flags name teams { edges { node { name } } } } }',
    )
    expect(data.viewer).toMatchObject({ entity: 'local', username: 'local', admin: true, flags: '{}' })
    expect(data.viewer.teams.edges).toEqual([])
  })

  it('keeps errors inside a 200 for execution errors (bad filters)', async () => {
    await gqlOk(srv, 'mutation { upsertModel(input: { name: "x" }) { inserted } }')
    const result = await gql(srv, '{ project(name: "x") { runCount(filters: "{\\"$where\\": 1}") } }')
    expect(result.status).toBe(200)
    expect(result.errors?.[0]?.message).toMatch(/unsupported operator \$where/)
    expect(result.data).toEqual({ project: null })
  })
})

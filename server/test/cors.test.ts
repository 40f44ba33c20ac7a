import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { basic, gqlOk, upsertRun, withServer } from './helpers.js'

// Pages on another origin (a dashboard on localhost:5173, a notebook) call the server from a browser.
const PAGE = 'http://localhost:5173'
let srv: RunningServer
let restricted: RunningServer
let directUrl: string

const CREATE = `mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
  createRunFiles(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) {
    files { name uploadUrl } } }`
const FILES = `query RunFiles($project: String!, $entity: String!, $name: String!) {
  project(name: $project, entityName: $entity) { run(name: $name) {
    files(first: 10) { edges { node { name directUrl } } } } } }`

const preflight = (server: RunningServer, path: string, method: string, origin = PAGE) =>
  fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization,content-type',
    },
  })

beforeAll(async () => {
  srv = await withServer()
  restricted = await withServer({ corsOrigin: [PAGE, 'https://app.example'] })
  await upsertRun(srv, { name: 'r', project: 'cors' })
  const created = await gqlOk(srv, CREATE, { entity: 'local', project: 'cors', run: 'r', files: ['a.txt'] })
  await fetch(created.createRunFiles.files[0].uploadUrl, { method: 'PUT', body: '0123456789' })
  const listed = await gqlOk(srv, FILES, { entity: 'local', project: 'cors', name: 'r' })
  directUrl = listed.project.run.files.edges[0].node.directUrl
})
afterAll(async () => {
  await srv.close()
  await restricted.close()
})

describe('CORS', () => {
  it('answers the /graphql preflight with methods, headers and max-age', async () => {
    const res = await preflight(srv, '/graphql', 'POST')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toBe('POST')
    const allowed = res.headers.get('access-control-allow-headers')?.split(', ')
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-client', 'range']))
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('answers preflights of file_stream, downloads and signed URLs; 404 for unknown paths', async () => {
    expect(
      (await preflight(srv, '/files/local/cors/r/file_stream', 'POST')).headers.get(
        'access-control-allow-methods',
      ),
    ).toContain('POST')
    const signed = await preflight(srv, new URL(directUrl).pathname, 'GET')
    expect(signed.status).toBe(204)
    expect(signed.headers.get('access-control-allow-methods')).toContain('GET')
    expect((await preflight(srv, '/nowhere', 'GET')).status).toBe(404)
  })

  it('marks every reply, errors included, as readable by any origin', async () => {
    const ok = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { origin: PAGE, authorization: basic(srv.apiKey), 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { entity } }' }),
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe('*')
    const denied = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { origin: PAGE, 'content-type': 'application/json' },
      body: '{"query":"{ viewer { entity } }"}',
    })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('serves signed file URLs ranged, exposing Content-Range and Content-Length', async () => {
    const res = await fetch(directUrl, { headers: { origin: PAGE, range: 'bytes=2-' } })
    expect(res.status).toBe(206)
    expect(await res.text()).toBe('23456789')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('content-range')).toBe('bytes 2-9/10')
    const exposed = res.headers.get('access-control-expose-headers')?.split(', ')
    expect(exposed).toEqual(
      expect.arrayContaining(['content-range', 'content-length', 'etag', 'accept-ranges']),
    )
  })

  it('with corsOrigin, echoes only the listed origins (Vary: Origin)', async () => {
    const listed = await preflight(restricted, '/graphql', 'POST', 'https://app.example')
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(listed.headers.get('vary')).toBe('Origin')
    const other = await preflight(restricted, '/graphql', 'POST', 'https://evil.example')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const reply = await fetch(`${restricted.url}/healthz`, { headers: { origin: 'https://evil.example' } })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('access-control-allow-origin')).toBeNull()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedUser, RunningServer } from '../src/index.js'
import { basic, fileStream, gql, gqlOk, upsertRun, withServer } from './helpers.js'

let srv: RunningServer
let bob: CreatedUser
beforeAll(async () => {
  srv = await withServer()
  bob = srv.createUser({ username: 'bob', teams: ['vision'] })
  await upsertRun(srv, { name: 'secret', project: 'private' })
  await gqlOk(
    srv,
    'mutation { createRunFiles(input: {entityName: "local", projectName: "private", runName: "secret", files: ["a.txt"]}) { files { uploadUrl } } }',
  )
})
afterAll(() => srv.close())

describe('users and permissions', () => {
  it('creates users with their own entity, key and teams', async () => {
    expect(bob).toMatchObject({ username: 'bob', entity: 'bob' })
    expect(bob.apiKey).toMatch(/^local-[A-Za-z0-9_-]{40,}$/)
    const data = await gqlOk(
      srv,
      '{ viewer { username entity admin email teams { edges { node { name } } } } }',
      {},
      bob.apiKey,
    )
    expect(data.viewer).toEqual({
      username: 'bob',
      entity: 'bob',
      admin: false,
      email: 'bob@localhost',
      teams: { edges: [{ node: { name: 'vision' } }] },
    })
  })

  it("denies reading another user's private project (null, as W&B hides it)", async () => {
    expect(
      await gqlOk(
        srv,
        '{ project(name: "private", entityName: "local") { id run(name: "secret") { id } } }',
        {},
        bob.apiKey,
      ),
    ).toEqual({ project: null })
    const models = await gqlOk(
      srv,
      '{ models(entityName: "local") { edges { node { name } } } }',
      {},
      bob.apiKey,
    )
    expect(models.models.edges).toEqual([])
    const url = `${srv.url}/files/local/private/secret/a.txt`
    expect((await fetch(url, { headers: { authorization: basic(bob.apiKey) } })).status).toBe(404)
  })

  it('denies writing to another entity', async () => {
    const upsert = await gql(
      srv,
      'mutation { upsertBucket(input: {name: "x", modelName: "private", entityName: "local"}) { inserted } }',
      {},
      bob.apiKey,
    )
    expect(upsert.errors?.[0]?.message).toMatch(/permission denied/)
    expect(upsert.errors?.[0]?.extensions?.code).toBe('PERMISSION_ERROR')
    const created = await gql(
      srv,
      'mutation { upsertBucket(input: {name: "x", modelName: "newproj", entityName: "local"}) { inserted } }',
      {},
      bob.apiKey,
    )
    expect(created.errors?.[0]?.message).toMatch(/permission denied/)
    const id = Buffer.from('Run:v1:secret:private:local').toString('base64')
    const stop = await gql(
      srv,
      'mutation($id: ID!) { stopRun(input: {id: $id}) { success } }',
      { id },
      bob.apiKey,
    )
    expect(stop.errors?.[0]?.message).toMatch(/not found/)
    expect((await fileStream(srv, 'local/private/secret', {}, bob.apiKey)).status).toBe(403)
    const files = await gqlOk(
      srv,
      'mutation { createRunFiles(input: {entityName: "local", projectName: "private", runName: "secret", files: ["b"]}) { runID } }',
      {},
      bob.apiKey,
    )
    expect(files.createRunFiles.runID).toBe('')
  })

  it('lets team members write to the team entity', async () => {
    const run = await upsertRun(srv, { name: 't1', project: 'shared', entity: 'vision' }, bob.apiKey)
    expect(run.project.entity.name).toBe('vision')
    // The default user is not a member of "vision".
    expect(await gqlOk(srv, '{ project(name: "shared", entityName: "vision") { id } }')).toEqual({
      project: null,
    })
  })

  it('makes USER_READ projects readable but not writable by others', async () => {
    await gqlOk(srv, 'mutation { upsertModel(input: {name: "open", access: "USER_READ"}) { inserted } }')
    await upsertRun(srv, { name: 'pub', project: 'open' })
    const data = await gqlOk(
      srv,
      '{ project(name: "open", entityName: "local") { readOnly run(name: "pub") { name readOnly } } }',
      {},
      bob.apiKey,
    )
    expect(data.project).toEqual({ readOnly: true, run: { name: 'pub', readOnly: true } })
    const write = await gql(
      srv,
      'mutation { upsertBucket(input: {name: "pub", modelName: "open", entityName: "local", notes: "x"}) { inserted } }',
      {},
      bob.apiKey,
    )
    expect(write.errors?.[0]?.message).toMatch(/permission denied/)
    const bad = await gql(
      srv,
      'mutation { upsertModel(input: {name: "open", access: "EVERYONE"}) { inserted } }',
    )
    expect(bad.errors?.[0]?.message).toMatch(/invalid access/)
  })

  it('refuses to give one key to two users', () => {
    expect(() => srv.createUser({ username: 'carol', apiKey: bob.apiKey })).toThrow(
      /already belongs to user bob/,
    )
  })

  it('keeps one key per user working after adding another', async () => {
    const second = srv.createUser({ username: 'bob', apiKey: 'local-bobsecondkeybobsecondkeybobsecondkey00' })
    expect(second.entity).toBe('bob')
    for (const key of [bob.apiKey, second.apiKey]) {
      expect((await gqlOk(srv, '{ viewer { username } }', {}, key)).viewer.username).toBe('bob')
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { AuthError } from '../../src/errors/auth-error.js'
import { GraphQLResponseError } from '../../src/errors/graphql-response-error.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let bob: { apiKey: string; entity: string; username: string }
let carol: { apiKey: string; entity: string; username: string }
const retry = { minDelayMs: 5, maxDelayMs: 20 }
const api = (apiKey = srv.apiKey) => new Api({ baseUrl: srv.url, apiKey, retry })

/** A permission failure: W&B answers in `errors[]`; wandb-rx raises it as AuthError 403. */
const denied = { name: 'AuthError', status: 403 }

beforeAll(async () => {
  srv = await startServer({ port: 0 }) // the default user `local` is an instance admin
  bob = srv.createUser({ username: 'bob', email: 'bob@example.com' })
  carol = srv.createUser({ username: 'carol', email: 'carol@corp.test' })
})
afterAll(() => srv.close())

describe('users', () => {
  it('finds users by username or email (admins)', async () => {
    const found = await api().user('bob@example.com')
    expect(found).toMatchObject({ username: 'bob', email: 'bob@example.com', admin: false, entity: 'bob' })
    expect(found.teams).toEqual([])
    expect((await api().user('carol')).email).toBe('carol@corp.test')
    const all = await api().users('o') // bob, carol, local
    expect(all.map((u) => u.username).sort()).toEqual(['bob', 'carol', 'local'])
    expect(await api().users('nobody-like-this')).toEqual([])
    await expect(api().user('nobody-like-this')).rejects.toMatchObject({
      name: 'NotFoundError',
      resource: 'user',
    })
  })

  it('refuses user search to non-admins with AuthError 403', async () => {
    await expect(api(bob.apiKey).user('carol')).rejects.toBeInstanceOf(AuthError)
    await expect(api(bob.apiKey).users('c')).rejects.toMatchObject(denied)
  })

  it('generates a working API key and deletes it', async () => {
    const me = api(bob.apiKey)
    const generated = await me.generateApiKey({ description: 'ci' })
    expect(generated.key).toMatch(/^local-[A-Za-z0-9_-]{40}$/)
    expect(generated.description).toBe('ci')
    expect((await api(generated.key).viewer()).username).toBe('bob')
    // Listed (masked) on the user, with its description.
    const listed = (await api().user('bob')).apiKeys.find((k) => k.id === generated.id)
    expect(listed).toMatchObject({ description: 'ci' })
    expect(listed?.name).not.toBe(generated.key)
    await me.deleteApiKey(generated.id)
    await expect(api(generated.key).viewer()).rejects.toMatchObject({ name: 'AuthError', status: 401 })
    await expect(me.deleteApiKey(generated.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it("refuses to delete another user's key unless admin", async () => {
    const carolKey = await api(carol.apiKey).generateApiKey({ description: 'laptop' })
    await expect(api(bob.apiKey).deleteApiKey(carolKey.id)).rejects.toMatchObject(denied)
    expect((await api(carolKey.key).viewer()).username).toBe('carol')
    await api().deleteApiKey(carolKey.id) // the instance admin may
    await expect(api(carolKey.key).viewer()).rejects.toBeInstanceOf(AuthError)
  })
})

describe('teams', () => {
  it('creates a team with the caller as admin and reads it with members', async () => {
    const team = await api(bob.apiKey).createTeam({ name: 'vision' })
    expect(team).toMatchObject({ name: 'vision', entityType: 'TEAM', readOnlyAdmin: false })
    expect(team.members).toEqual([expect.objectContaining({ username: 'bob', admin: true, pending: false })])
    expect(await api(bob.apiKey).team('vision')).toMatchObject({ name: 'vision' })
    const viewer = await api(bob.apiKey).viewer()
    expect(viewer.teams?.edges.map((e) => e.node.name)).toEqual(['vision'])
  })

  it('rejects a taken name, a missing team and a personal entity', async () => {
    await expect(api(carol.apiKey).createTeam({ name: 'vision' })).rejects.toBeInstanceOf(
      GraphQLResponseError,
    )
    await expect(api().team('no-such-team')).rejects.toMatchObject({
      name: 'NotFoundError',
      resource: 'team',
    })
    await expect(api().team('carol')).rejects.toBeInstanceOf(NotFoundError)
  })

  it('only admins create teams for someone else', async () => {
    await expect(api(carol.apiKey).createTeam({ name: 'nlp', admin: 'bob' })).rejects.toMatchObject(denied)
    const nlp = await api().createTeam({ name: 'nlp', admin: 'carol' })
    expect(nlp.members.map((m) => [m.username, m.admin])).toEqual([['carol', true]])
    await expect(api().createTeam({ name: 'ghost-team', admin: 'nobody' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })

  it('invites by email or username (team admins only); invites show as pending members', async () => {
    const invite = await api(bob.apiKey).invite('vision', { email: 'dave@example.com' })
    expect(invite).toMatchObject({ name: 'dave@example.com', email: 'dave@example.com' })
    await api(bob.apiKey).invite('vision', { username: 'carol', admin: true })
    const team = await api(bob.apiKey).team('vision')
    expect(team.members.map((m) => [m.name, m.pending, m.admin])).toEqual([
      ['bob', false, true],
      ['dave@example.com', true, false],
      ['carol', true, true],
    ])
    await expect(api(carol.apiKey).invite('vision', { email: 'eve@example.com' })).rejects.toMatchObject(
      denied,
    )
    await expect(api(bob.apiKey).invite('nope-team', { email: 'x@example.com' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await expect(api(bob.apiKey).invite('vision', { username: 'nobody' })).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })

  it('creates service accounts whose key works (team admins only)', async () => {
    const bot = await api(bob.apiKey).createServiceAccount('vision', { description: 'nightly eval' })
    expect(bot.username).toMatch(/^vision-sa-/)
    expect(bot.apiKey).toMatch(/^local-/)
    const me = await api(bot.apiKey!).viewer()
    expect(me.username).toBe(bot.username)
    expect(me.teams?.edges.map((e) => e.node.name)).toEqual(['vision'])
    const team = await api(bob.apiKey).team('vision')
    expect(team.members.find((m) => m.username === bot.username)).toMatchObject({
      accountType: 'SERVICE',
      admin: false,
    })
    await expect(
      api(carol.apiKey).createServiceAccount('vision', { description: 'mine' }),
    ).rejects.toMatchObject(denied)
    // An instance admin may act on any team.
    expect((await api().createServiceAccount('nlp', { description: 'ops' })).apiKey).toMatch(/^local-/)
  })

  it('hides members from outsiders', async () => {
    const outsider = srv.createUser({ username: 'mallory' })
    const seen = await api(outsider.apiKey).team('vision')
    expect(seen.members).toEqual([])
    expect(seen.readOnlyAdmin).toBe(true)
  })
})

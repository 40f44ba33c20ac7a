import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { AuthError } from '../../src/errors/auth-error.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { logRun, writerGraphql } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let bob: { apiKey: string; entity: string }
const retry = { minDelayMs: 5, maxDelayMs: 20 }
const api = (apiKey = srv.apiKey) => new Api({ baseUrl: srv.url, apiKey, retry })
const path = (name: string, project = 'writes') => `${srv.entity}/${project}/${name}`

/** The config exactly as the server stores it (wrapped), read over the protocol. */
async function storedConfig(name: string): Promise<Record<string, unknown>> {
  const data = await writerGraphql(
    srv,
    `query { project(name: "writes", entityName: "${srv.entity}") { run(name: "${name}") { config } } }`,
  )
  return JSON.parse((data as any).project.run.config)
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  bob = srv.createUser({ username: 'bob' })
  const config = { lr: 0.1, layers: 3, _wandb: { cli_version: '0.19.0', t: { 1: [1, 55] } } }
  await logRun(srv, { project: 'writes', name: 'r1', rows: 3, summary: { loss: 0.5, acc: 0.8 }, config })
  await logRun(srv, { project: 'writes', name: 'r2', rows: 0, summary: { a: 1 } })
  await logRun(srv, { project: 'writes', name: 'doomed', rows: 2 })
})
afterAll(() => srv.close())

describe('run.update', () => {
  it('changes name, notes, tags, group, jobType and merges the config, keeping _wandb', async () => {
    const a = api()
    const before = await a.run(path('r1')).get() // primes the cache the write must drop
    expect(before.config).toEqual({ lr: 0.1, layers: 3 })
    const run = await a.run(path('r1')).update({
      name: 'baseline',
      notes: 'first try',
      tags: ['v2', 'best'],
      group: 'g1',
      jobType: 'train',
      config: { lr: 0.01, batch: 64 },
    })
    expect(run).toMatchObject({
      name: 'baseline',
      notes: 'first try',
      tags: ['v2', 'best'],
      group: 'g1',
      jobType: 'train',
    })
    expect(run.config).toEqual({ lr: 0.01, layers: 3, batch: 64 })
    const stored = await storedConfig('r1')
    expect(stored['lr']).toEqual({ value: 0.01, desc: null })
    expect(stored['_wandb']).toEqual({ value: { cli_version: '0.19.0', t: { 1: [1, 55] } } })
    expect((await a.run(path('r1')).get()).name).toBe('baseline') // not the cached copy
  })

  it('replaces the config with replaceConfig, still keeping _wandb', async () => {
    const run = await api()
      .run(path('r1'))
      .update({ config: { only: true } }, { replaceConfig: true })
    expect(run.config).toEqual({ only: true })
    expect(Object.keys(await storedConfig('r1')).sort()).toEqual(['_wandb', 'only'])
  })

  it('removes a config key set to undefined and leaves unnamed fields alone', async () => {
    const h = api().run(path('r1'))
    await h.update({ config: { x: 1, y: 2 } })
    const run = await h.update({ config: { x: undefined } })
    expect(run.config).toEqual({ only: true, y: 2 })
    expect(run.tags).toEqual(['v2', 'best'])
  })

  it('queues concurrent config merges so no key is lost', async () => {
    const h = api().run(path('r2'))
    await Promise.all(Array.from({ length: 6 }, (_, i) => h.update({ config: { [`k${i}`]: i } })))
    expect((await h.get()).config).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5 })
  })

  it('is NotFoundError for a missing run and AuthError for another user', async () => {
    await expect(api().run(path('nope')).update({ notes: 'x' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(api().run(`${srv.entity}/no-project/r1`).update({ notes: 'x' })).rejects.toMatchObject({
      name: 'NotFoundError',
      resource: 'project',
    })
    // bob cannot even see local's private project: W&B answers that like a missing one.
    await expect(api(bob.apiKey).run(path('r1')).update({ notes: 'x' })).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('run.summary', () => {
  it('updates and deletes keys with whole-summary writes', async () => {
    const s = api().run(path('r1')).summary
    expect(await s.get()).toEqual({ loss: 0.5, acc: 0.8 })
    expect(await s.update({ best: 0.9, nested: { a: [1, 2] }, bad: NaN })).toEqual({
      loss: 0.5,
      acc: 0.8,
      best: 0.9,
      nested: { a: [1, 2] },
      bad: NaN,
    })
    expect(await s.delete(['acc', 'missing'])).toEqual({
      loss: 0.5,
      best: 0.9,
      nested: { a: [1, 2] },
      bad: NaN,
    })
    expect((await api().run(path('r1')).get()).summary).toEqual({
      loss: 0.5,
      best: 0.9,
      nested: { a: [1, 2] },
      bad: NaN,
    })
  })

  it('reads the freshest summary before writing (a key written elsewhere survives)', async () => {
    const a = api()
    const s = a.run(path('r2')).summary
    await s.get()
    await api().run(path('r2')).summary.update({ fromOtherClient: 1 })
    expect(await s.update({ mine: 2 })).toEqual({ a: 1, fromOtherClient: 1, mine: 2 })
  })

  it('keeps every key of concurrent updates from one Api', async () => {
    const s = api().run(path('r2')).summary
    await Promise.all(Array.from({ length: 8 }, (_, i) => s.update({ [`c${i}`]: i })))
    const after = await s.get()
    for (let i = 0; i < 8; i++) expect(after[`c${i}`]).toBe(i)
  })

  it('does not write when nothing is deleted, and fails typed on a missing run', async () => {
    const a = api()
    const before = a.stats().requests
    await a.run(path('r2')).summary.delete('not-there')
    expect(a.stats().requests - before).toBe(1 + 0) // the read only (the viewer is not needed: entity given)
    await expect(a.run(path('ghost')).summary.update({ x: 1 })).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('setState, stop, delete, createRun', () => {
  it('sets pending / failed and refuses other states', async () => {
    const h = api().run(path('r2'))
    await h.setState('failed')
    expect((await h.get()).state).toBe('failed')
    await h.setState('pending')
    expect((await api().run(path('r2')).get()).state).toBe('pending')
    await expect(h.setState('finished' as 'failed')).rejects.toBeInstanceOf(RangeError)
  })

  it('stops a run: the writer sees stopped in its next file_stream reply', async () => {
    await api().run(path('r2')).stop()
    const res = await fetch(`${srv.url}/files/${srv.entity}/writes/r2/file_stream`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`api:${srv.apiKey}`)}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(await res.json()).toMatchObject({ stopped: true })
  })

  it('deletes a run (never retried) and then it is gone', async () => {
    srv.setFaults({ rules: [{ operations: ['DeleteRun'], schedule: [{ request: 1, kind: '503' }] }] })
    await expect(api().run(path('doomed')).delete()).rejects.toMatchObject({ status: 503 })
    srv.setFaults(undefined)
    await api().run(path('doomed')).delete({ deleteArtifacts: true })
    await expect(api().run(path('doomed')).get()).rejects.toBeInstanceOf(NotFoundError)
    await expect(api().run(path('doomed')).delete()).rejects.toBeInstanceOf(NotFoundError)
  })

  it('refuses writes by a user without access as AuthError', async () => {
    // A project bob can read but not write: local opens it for reading.
    await writerGraphql(
      srv,
      `mutation { upsertModel(input: {name: "shared", entityName: "${srv.entity}", access: "USER_READ"}) { inserted } }`,
    )
    await logRun(srv, { project: 'shared', name: 's1', rows: 1, summary: { x: 1 } })
    const asBob = api(bob.apiKey).run(path('s1', 'shared'))
    expect((await asBob.get()).summary).toEqual({ x: 1 })
    await expect(asBob.summary.update({ x: 2 })).rejects.toBeInstanceOf(AuthError)
    await expect(asBob.setState('failed')).rejects.toBeInstanceOf(AuthError)
    await expect(asBob.stop()).rejects.toBeInstanceOf(AuthError)
    await expect(asBob.delete()).rejects.toBeInstanceOf(AuthError)
  })

  it('creates runs with a random id, or a given name and state; retried safely', async () => {
    const a = api()
    const run = await a.createRun({ project: 'created', entity: srv.entity })
    expect(run.id).toMatch(/^[a-z0-9]{8}$/)
    expect(run).toMatchObject({ state: 'running', entity: srv.entity, project: 'created' })
    srv.setFaults({ rules: [{ operations: ['UpsertBucket'], schedule: [{ request: 1, kind: '503' }] }] })
    const pending = await a.createRun({ project: 'created', name: 'queued-1', state: 'pending' })
    srv.setFaults(undefined)
    expect(pending).toMatchObject({
      id: 'queued-1',
      state: 'pending',
      path: `${srv.entity}/created/queued-1`,
    })
    expect((await a.run(`${srv.entity}/created/queued-1`).get()).state).toBe('pending')
    await expect(a.createRun({ project: 'created', state: 'finished' as 'running' })).rejects.toBeInstanceOf(
      RangeError,
    )
    await expect(
      api(bob.apiKey).createRun({ project: 'created', entity: srv.entity }),
    ).rejects.toBeInstanceOf(AuthError)
  })
})

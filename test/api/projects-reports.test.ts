import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { reportUrl } from '../../src/api/report.js'
import { AuthError } from '../../src/errors/auth-error.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { logRun, writerGraphql } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
let bob: { apiKey: string; entity: string }
const retry = { minDelayMs: 5, maxDelayMs: 20 }
const api = (apiKey = srv.apiKey) => new Api({ baseUrl: srv.url, apiKey, retry })

/** Seeds a report the documented way: `upsertView` (what the W&B app calls when saving one). */
async function saveReport(
  project: string,
  name: string,
  displayName: string,
  spec: unknown,
  key = srv.apiKey,
) {
  const data = await writerGraphql(
    { ...srv, apiKey: key },
    `mutation V($entity: String, $project: String, $name: String, $title: String, $spec: JSONString) {
      upsertView(input: {entityName: $entity, projectName: $project, name: $name, displayName: $title,
        type: "runs", spec: $spec, description: "about"}) { view { id name displayName } inserted } }`,
    { entity: srv.entity, project, name, title: displayName, spec: JSON.stringify(spec) },
  )
  return (data as any).upsertView as { view: { id: string }; inserted: boolean }
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  bob = srv.createUser({ username: 'bob' })
  for (const [project, n] of [
    ['alpha', 3],
    ['beta', 1],
    ['gamma', 0],
  ] as const) {
    if (n === 0) await api().createProject({ name: project, entity: srv.entity })
    for (let i = 0; i < n; i++)
      await logRun(srv, { project, name: `${project}-${i}`, rows: 1, summary: { i } })
  }
})
afterAll(() => srv.close())

describe('projects', () => {
  it('lists the projects of an entity, paged', async () => {
    const names = (await api().projects(srv.entity).perPage(2).toArray()).map((p) => p.name)
    expect(names).toEqual(['alpha', 'beta', 'gamma'])
    const [first] = await api().projects().toArray() // the default entity: the viewer's
    expect(first).toMatchObject({
      name: 'alpha',
      entity: srv.entity,
      path: `${srv.entity}/alpha`,
      runCount: null,
    })
    expect(first?.createdAt).toBeInstanceOf(Date)
    expect(await api().projects('nobody-here').toArray()).toEqual([])
    expect(await api(bob.apiKey).projects(srv.entity).toArray()).toEqual([]) // private to local
  })

  it('reads one project with its run count and runs()', async () => {
    const p = await api().project(`${srv.entity}/alpha`)
    expect(p).toMatchObject({
      name: 'alpha',
      runCount: 3,
      readOnly: false,
      url: `${api().appUrl}/${srv.entity}/alpha`,
    })
    const runs = await p
      .runs()
      .where({ 'summary.i': { $gte: 1 } })
      .orderBy('-summary.i')
      .toArray()
    expect(runs.map((r) => r.id)).toEqual(['alpha-2', 'alpha-1'])
    expect(await (await api().project('gamma')).runs().count()).toBe(0)
    await expect(api().project(`${srv.entity}/nope`)).rejects.toMatchObject({
      name: 'NotFoundError',
      resource: 'project',
    })
    await expect(api(bob.apiKey).project(`${srv.entity}/alpha`)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('creates projects idempotently; another entity is AuthError', async () => {
    const a = api()
    const created = await a.createProject({ name: 'delta', entity: srv.entity, description: 'new' })
    expect(created).toMatchObject({ name: 'delta', description: 'new', entity: srv.entity })
    const again = await a.createProject({ name: 'delta', entity: srv.entity })
    expect(again.storageId).toBe(created.storageId)
    expect((await a.project(`${srv.entity}/delta`)).runCount).toBe(0)
    await expect(
      api(bob.apiKey).createProject({ name: 'intrusion', entity: srv.entity }),
    ).rejects.toBeInstanceOf(AuthError)
    expect((await api(bob.apiKey).createProject({ name: 'mine' })).entity).toBe('bob')
  })
})

describe('reports', () => {
  it('lists reports with parsed specs, sections and app URLs', async () => {
    const spec = { version: 5, panelGroups: [{ name: 'Loss curves' }, { name: 'Tables' }], nan: 'no' }
    const saved = await saveReport('alpha', 'baseline-study', 'Baseline Study', spec)
    expect(saved.inserted).toBe(true)
    await saveReport('alpha', 'second', 'Second Look', { panelGroups: [] })
    const reports = await api().reports(`${srv.entity}/alpha`).toArray()
    expect(reports.map((r) => r.title)).toEqual(['Baseline Study', 'Second Look'])
    const [first] = reports
    expect(first).toMatchObject({
      name: 'baseline-study',
      title: 'Baseline Study',
      description: 'about',
      spec,
      sections: spec.panelGroups,
      entity: srv.entity,
      project: 'alpha',
      user: { username: srv.entity },
    })
    expect(first?.url).toBe(
      `${api().appUrl}/${srv.entity}/alpha/reports/Baseline-Study--${first?.id.replace(/=/g, '')}`,
    )
    expect(first?.url).not.toContain('=')
    expect(first?.createdAt).toBeInstanceOf(Date)
  })

  it('filters by name, pages, and updates in place', async () => {
    const only = await api().reports(`${srv.entity}/alpha`, { name: 'second' }).toArray()
    expect(only.map((r) => r.title)).toEqual(['Second Look'])
    expect(await api().reports(`${srv.entity}/alpha`, { name: 'nope' }).toArray()).toEqual([])
    const again = await saveReport('alpha', 'second', 'Second Look v2', { panelGroups: [{ name: 'x' }] })
    expect(again.inserted).toBe(false)
    const paged = await api().reports(`${srv.entity}/alpha`).perPage(1).toArray()
    expect(paged.map((r) => r.title)).toEqual(['Baseline Study', 'Second Look v2'])
    expect(await api().reports('beta').toArray()).toEqual([])
  })

  it('is NotFoundError for a missing project; saving into a foreign project is refused', async () => {
    await expect(api().reports(`${srv.entity}/nope`).toArray()).rejects.toBeInstanceOf(NotFoundError)
    await expect(saveReport('alpha', 'sneaky', 'Sneaky', {}, bob.apiKey)).rejects.toThrow(/not found/)
  })

  it('builds URLs like the Python SDK', () => {
    expect(reportUrl('https://wandb.ai', 'team', 'mnist', 'My Great Report', 'VmlldzoxMjM0NQ==')).toBe(
      'https://wandb.ai/team/mnist/reports/My-Great-Report--VmlldzoxMjM0NQ',
    )
  })
})

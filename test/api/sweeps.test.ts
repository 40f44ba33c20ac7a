import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/api/api.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { writerGraphql } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server
const retry = { minDelayMs: 5, maxDelayMs: 20 }
const api = (apiKey = srv.apiKey) => new Api({ baseUrl: srv.url, apiKey, retry })

const MINIMIZE = `name: lr-search
method: bayes
metric:
  name: val_loss
  goal: minimize
parameters:
  lr: {min: 0.0001, max: 0.1}
  layers: {values: [2, 3, 4]}
`
const MAXIMIZE = 'method: grid\nmetric: {name: acc, goal: maximize}\nparameters: {bs: {values: [16, 32]}}\n'
/** JSON is YAML too; the local server's line-scan YAML reader derives nothing from it, the client parses it. */
const AS_JSON = `{"method": "bayes", "metric": {"name": "acc", "goal": "maximize"}}`

async function createSweep(name: string, config: string, project = 'sweeps'): Promise<void> {
  await writerGraphql(
    srv,
    `mutation S($name: String, $entity: String, $project: String, $config: String) {
      upsertSweep(input: {name: $name, entityName: $entity, projectName: $project, config: $config}) { sweep { id } } }`,
    { name, entity: srv.entity, project, config },
  )
}

async function sweepRun(
  name: string,
  sweep: string,
  summary: Record<string, unknown>,
  project = 'sweeps',
): Promise<void> {
  await writerGraphql(
    srv,
    `mutation R($name: String!, $entity: String, $project: String, $sweep: String, $summary: JSONString) {
      upsertBucket(input: {name: $name, entityName: $entity, modelName: $project, sweep: $sweep,
        summaryMetrics: $summary, state: "finished"}) { bucket { id } } }`,
    { name, entity: srv.entity, project, sweep, summary: JSON.stringify(summary) },
  )
}

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await createSweep('sw-min', MINIMIZE)
  await createSweep('sw-max', MAXIMIZE)
  await createSweep('sw-none', 'method: random\nparameters: {x: {values: [1]}}\n')
  await createSweep('sw-empty', MINIMIZE)
  await createSweep('sw-json', AS_JSON)
  // sw-min: the best val_loss is b; d never logged it (and must not win on an ascending order).
  await sweepRun('a', 'sw-min', { val_loss: 0.5, acc: 0.7 })
  await sweepRun('b', 'sw-min', { val_loss: 0.1, acc: 0.6 })
  await sweepRun('c', 'sw-min', { val_loss: 0.3, acc: 0.9 })
  await sweepRun('d', 'sw-min', { acc: 0.1 })
  await sweepRun('e', 'sw-max', { acc: 0.4 })
  await sweepRun('f', 'sw-max', { acc: 0.8 })
  await sweepRun('g', 'sw-none', { acc: 0.8 })
  await sweepRun('h', 'sw-none', { acc: 0.2 })
  await sweepRun('i', 'sw-json', { acc: 0.3 })
  await sweepRun('j', 'sw-json', { acc: 0.35 })
  await sweepRun('outside', '', { val_loss: 0.01 }) // not in any sweep
})
afterAll(() => srv.close())

describe('api.sweep', () => {
  it('reads a sweep with its YAML config parsed', async () => {
    const sweep = await api().sweep(`${srv.entity}/sweeps/sw-min`)
    expect(sweep).toMatchObject({
      id: 'sw-min',
      name: 'lr-search',
      method: 'bayes',
      state: 'RUNNING',
      bestLoss: 0.1,
      runCount: 4,
      entity: srv.entity,
      project: 'sweeps',
      path: `${srv.entity}/sweeps/sw-min`,
      metric: { name: 'val_loss', goal: 'minimize' },
      configYaml: MINIMIZE,
    })
    expect(sweep.config['parameters']).toEqual({
      lr: { min: 0.0001, max: 0.1 },
      layers: { values: [2, 3, 4] },
    })
    expect(sweep.url).toBe(`${api().appUrl}/${srv.entity}/sweeps/sweeps/sw-min`)
    expect(Object.isFrozen(sweep.config)).toBe(true)
    const viaUrlPath = await api().sweep(`${srv.entity}/sweeps/sweeps/sw-max`)
    expect(viaUrlPath).toMatchObject({ id: 'sw-max', name: 'sw-max', method: 'grid', bestLoss: 0.8 })
  })

  it('is NotFoundError for a missing sweep or project', async () => {
    await expect(api().sweep(`${srv.entity}/sweeps/nope`)).rejects.toMatchObject({
      name: 'NotFoundError',
      resource: 'sweep',
    })
    await expect(api().sweep(`${srv.entity}/no-such-project/sw-min`)).rejects.toBeInstanceOf(NotFoundError)
    const stranger = srv.createUser({ username: 'stranger' })
    await expect(api(stranger.apiKey).sweep(`${srv.entity}/sweeps/sw-min`)).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })
})

describe('sweep.runs and bestRun', () => {
  it('runs() is a runs query pre-filtered on the sweep that composes', async () => {
    const sweep = await api().sweep(`${srv.entity}/sweeps/sw-min`)
    const q = sweep.runs()
    expect(JSON.parse(q.compile().variables.filters)).toEqual({ sweep: 'sw-min' })
    expect((await q.toArray()).map((r) => r.id).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(await q.count()).toBe(4)
    const ordered = await q
      .where({ 'summary.acc': { $gte: 0.6 } })
      .orderBy('-summary.acc')
      .toArray()
    expect(ordered.map((r) => r.id)).toEqual(['c', 'a', 'b'])
    expect(ordered.every((r) => r.sweepName === 'sw-min')).toBe(true)
  })

  it('bestRun follows metric.goal, skips runs without the metric, and takes an order', async () => {
    const a = api()
    expect((await (await a.sweep(`${srv.entity}/sweeps/sw-min`)).bestRun())?.id).toBe('b')
    expect((await (await a.sweep(`${srv.entity}/sweeps/sw-max`)).bestRun())?.id).toBe('f')
    const min = await a.sweep(`${srv.entity}/sweeps/sw-min`)
    expect((await min.bestRun({ order: '-summary.acc' }))?.id).toBe('c')
    expect((await min.bestRun({ order: '+summary.acc' }))?.id).toBe('d')
    expect(await (await a.sweep(`${srv.entity}/sweeps/sw-empty`)).bestRun()).toBeUndefined()
    const json = await a.sweep(`${srv.entity}/sweeps/sw-json`)
    expect(json.config).toEqual({ method: 'bayes', metric: { name: 'acc', goal: 'maximize' } })
    expect((await json.bestRun())?.id).toBe('j')
  })

  it('bestRun without a metric gives the most recent run', async () => {
    const best = await (await api().sweep(`${srv.entity}/sweeps/sw-none`)).bestRun()
    expect(best?.id).toBe('h')
  })
})

describe('api.sweeps', () => {
  it('lists the sweeps of a project, paged', async () => {
    const all = await api().sweeps(`${srv.entity}/sweeps`).perPage(3).toArray()
    expect(all.map((s) => s.id)).toEqual(['sw-min', 'sw-max', 'sw-none', 'sw-empty', 'sw-json'])
    expect(all[1]?.metric).toEqual({ name: 'acc', goal: 'maximize' })
    const ids: string[] = []
    for await (const s of api().sweeps(`${srv.entity}/sweeps`)) ids.push(s.id)
    expect(ids).toHaveLength(5)
    expect((await api().sweeps(`${srv.entity}/sweeps`).first())?.id).toBe('sw-min')
    await expect(api().sweeps(`${srv.entity}/nope`).toArray()).rejects.toBeInstanceOf(NotFoundError)
  })
})

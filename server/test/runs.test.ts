import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { fileStream, gql, gqlOk, RUN_FRAGMENT, upsertRun, withServer } from './helpers.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer()
})
afterAll(() => srv.close())

const RUN_QUERY = `query Run($project: String!, $entity: String!, $name: String!) {
  project(name: $project, entityName: $entity) { run(name: $name) { projectId ...RunFragment } }
} ${RUN_FRAGMENT}`

const getRun = async (name: string, project = 'runs') =>
  (await gqlOk(srv, RUN_QUERY, { project, entity: 'local', name })).project.run

describe('upsertBucket', () => {
  it('creates a run (and its project) by name, then updates it', async () => {
    const created = await gqlOk(
      srv,
      `mutation { upsertBucket(input: { name: "abc123", modelName: "runs", entityName: "local", state: "running" }) {
        bucket { project { name entity { name } } id name } inserted } }`,
    )
    expect(created.upsertBucket).toEqual({
      bucket: {
        project: { name: 'runs', entity: { name: 'local' } },
        id: Buffer.from('Run:v1:abc123:runs:local').toString('base64'),
        name: 'abc123',
      },
      inserted: true,
    })
    const again = await upsertRun(srv, { name: 'abc123', project: 'runs', notes: 'hello' })
    expect(again.notes).toBe('hello')
    const run = await getRun('abc123')
    expect(run).toMatchObject({ name: 'abc123', state: 'running', notes: 'hello', readOnly: false, tags: [] })
    expect(run.user).toEqual({ name: 'local', username: 'local' })
    expect(Number(run.projectId)).toBeGreaterThan(0)
    expect(new Date(run.createdAt).toISOString()).toBe(run.createdAt)
  })

  it('reports inserted false on update and keeps unspecified fields', async () => {
    const vars = { name: 'keep', project: 'runs', groupName: 'g', jobType: 'train', tags: ['x'] }
    const first = await gqlOk(
      srv,
      'mutation($name: String, $project: String) { upsertBucket(input: {name: $name, modelName: $project}) { inserted } }',
      vars,
    )
    expect(first.upsertBucket.inserted).toBe(true)
    await upsertRun(srv, vars)
    const second = await gqlOk(
      srv,
      'mutation($name: String, $project: String) { upsertBucket(input: {name: $name, modelName: $project, displayName: "Keep"}) { inserted bucket { group jobType tags displayName } } }',
      vars,
    )
    expect(second.upsertBucket).toEqual({
      inserted: false,
      bucket: { group: 'g', jobType: 'train', tags: ['x'], displayName: 'Keep' },
    })
  })

  it('generates a run id when none is given and defaults the project to "uncategorized"', async () => {
    const data = await gqlOk(
      srv,
      'mutation { upsertBucket(input: {}) { bucket { name project { name } } inserted } }',
    )
    expect(data.upsertBucket.bucket.name).toMatch(/^[a-z0-9]{8}$/)
    expect(data.upsertBucket.bucket.project.name).toBe('uncategorized')
  })

  it('stores plain (JS logger) and wrapped (Python) config in one wrapped form', async () => {
    const plain = await upsertRun(srv, {
      name: 'plain',
      project: 'runs',
      config: JSON.stringify({ lr: 0.1, model: { depth: 3 } }),
    })
    expect(JSON.parse(plain.config)).toEqual({ lr: { value: 0.1 }, model: { value: { depth: 3 } } })
    const wrapped = { lr: { value: 0.2, desc: null }, _wandb: { value: { t: { 1: [1] } } } }
    const w = await upsertRun(srv, { name: 'wrapped', project: 'runs', config: JSON.stringify(wrapped) })
    expect(JSON.parse(w.config)).toEqual(wrapped)
    const data = await gqlOk(
      srv,
      '{ project(name: "runs") { run(name: "wrapped") { config(keys: ["lr"]) wandbConfig(keys: ["t"]) } } }',
    )
    expect(JSON.parse(data.project.run.config)).toEqual({ lr: { value: 0.2, desc: null } })
    expect(JSON.parse(data.project.run.wandbConfig)).toEqual({ t: { 1: [1] } })
  })

  it('updates by storage id; summaryMetrics replaces the whole summary and keeps NaN', async () => {
    const run = await upsertRun(srv, {
      name: 'sum',
      project: 'runs',
      summaryMetrics: JSON.stringify({ a: 1, b: 2 }),
    })
    const data = await gqlOk(
      srv,
      'mutation($id: String, $s: JSONString) { upsertBucket(input: {id: $id, summaryMetrics: $s}) { bucket { id summaryMetrics } } }',
      { id: run.id, s: '{"b": NaN, "c": {"d": Infinity}}' },
    )
    expect(data.upsertBucket.bucket.id).toBe(run.id)
    expect(data.upsertBucket.bucket.summaryMetrics).toBe('{"b": NaN, "c": {"d": Infinity}}')
    const picked = await gqlOk(
      srv,
      '{ project(name: "runs") { run(name: "sum") { summaryMetrics(keys: ["b"]) } } }',
    )
    expect(picked.project.run.summaryMetrics).toBe('{"b":NaN}')
  })

  it('rejects bad input with GraphQL errors', async () => {
    const bad = [
      ['{ "x": ', /config is not valid JSON/],
      ['[1]', /config must be a JSON object/],
    ] as const
    for (const [config, message] of bad) {
      const result = await gql(
        srv,
        'mutation($c: JSONString) { upsertBucket(input: {name: "bad", modelName: "runs", config: $c}) { inserted } }',
        { c: config },
      )
      expect(result.errors?.[0]?.message).toMatch(message)
    }
    const state = await gql(
      srv,
      'mutation { upsertBucket(input: {name: "bad", modelName: "runs", state: "exploded"}) { inserted } }',
    )
    expect(state.errors?.[0]?.message).toMatch(/invalid run state/)
    const name = await gql(
      srv,
      'mutation { upsertBucket(input: {name: "a/b", modelName: "runs"}) { inserted } }',
    )
    expect(name.errors?.[0]?.message).toMatch(/invalid run name/)
    const id = await gql(srv, 'mutation { upsertBucket(input: {id: "bm9wZQ=="}) { inserted } }')
    expect(id.errors?.[0]?.message).toMatch(/malformed run id/)
    const missing = await gql(srv, 'mutation($id: String) { upsertBucket(input: {id: $id}) { inserted } }', {
      id: Buffer.from('Run:v1:ghost:runs:local').toString('base64'),
    })
    expect(missing.errors?.[0]?.message).toMatch(/not found/)
  })

  it('returns null for unknown projects and runs, also through model/bucket', async () => {
    expect(await gqlOk(srv, '{ project(name: "nope", entityName: "local") { id } }')).toEqual({
      project: null,
    })
    expect(await gqlOk(srv, '{ project(name: "nope", entityName: "nobody") { id } }')).toEqual({
      project: null,
    })
    expect(await gqlOk(srv, '{ project(name: "runs") { run(name: "ghost") { id } } }')).toEqual({
      project: { run: null },
    })
    const legacy = await gqlOk(
      srv,
      '{ model(name: "runs", entityName: "local") { bucket(name: "plain", missingOk: true) { name config historyTail eventsTail } } }',
    )
    expect(legacy.model.bucket).toMatchObject({ name: 'plain', historyTail: '[]', eventsTail: '[]' })
    const none = await gqlOk(
      srv,
      '{ model(name: "runs") { bucket(name: "ghost", missingOk: true) { name } } }',
    )
    expect(none).toEqual({ model: { bucket: null } })
  })
})

describe('run state mutations', () => {
  it('updateRunState sets the state; invalid states are errors', async () => {
    const run = await upsertRun(srv, { name: 'st', project: 'runs' })
    const ok = await gqlOk(
      srv,
      'mutation($id: ID!) { updateRunState(input: {id: $id, state: "pending"}) { success } }',
      { id: run.id },
    )
    expect(ok.updateRunState.success).toBe(true)
    expect((await getRun('st')).state).toBe('pending')
    const bad = await gql(
      srv,
      'mutation($id: ID!) { updateRunState(input: {id: $id, state: "nope"}) { success } }',
      { id: run.id },
    )
    expect(bad.errors?.[0]?.message).toMatch(/invalid run state/)
  })

  it('stopRun flags the run; the writer sees {"stopped": true}; complete then marks it killed', async () => {
    const run = await upsertRun(srv, { name: 'stop', project: 'runs' })
    expect((await fileStream(srv, 'local/runs/stop', {})).body).toEqual({})
    await gqlOk(srv, 'mutation($id: ID!) { stopRun(input: {id: $id}) { success } }', { id: run.id })
    const data = await gqlOk(
      srv,
      '{ project(name: "runs") { run(name: "stop") { stopped shouldStop state } } }',
    )
    expect(data.project.run).toEqual({ stopped: true, shouldStop: true, state: 'running' })
    expect((await fileStream(srv, 'local/runs/stop', {})).body).toEqual({ stopped: true })
    await fileStream(srv, 'local/runs/stop', { complete: true, exitcode: 255 })
    expect((await getRun('stop')).state).toBe('killed')
  })

  it('deleteRun removes the run and its data', async () => {
    const run = await upsertRun(srv, { name: 'del', project: 'runs' })
    await fileStream(srv, 'local/runs/del', {
      files: { 'wandb-history.jsonl': { offset: 0, content: ['{"_step":0}'] } },
    })
    const data = await gqlOk(
      srv,
      'mutation DeleteRun($id: ID!, $deleteArtifacts: Boolean) { deleteRun(input: {id: $id, deleteArtifacts: $deleteArtifacts}) { clientMutationId } }',
      { id: run.id, deleteArtifacts: true },
    )
    expect(data.deleteRun).toEqual({ clientMutationId: null })
    expect(await getRun('del')).toBeNull()
    const again = await gql(srv, 'mutation($id: ID!) { deleteRun(input: {id: $id}) { clientMutationId } }', {
      id: run.id,
    })
    expect(again.errors?.[0]?.message).toMatch(/not found/)
  })
})

describe('projects', () => {
  it('upsertModel creates and updates; models pages through projects', async () => {
    const created = await gqlOk(
      srv,
      'mutation { upsertModel(input: {name: "m1", description: "first"}) { project { name entityName description } inserted entityName } }',
    )
    expect(created.upsertModel).toEqual({
      project: { name: 'm1', entityName: 'local', description: 'first' },
      inserted: true,
      entityName: 'local',
    })
    const updated = await gqlOk(
      srv,
      'mutation { upsertModel(input: {name: "m1", entityName: "local", description: "second"}) { model { description } inserted } }',
    )
    expect(updated.upsertModel).toEqual({ model: { description: 'second' }, inserted: false })
    const names: string[] = []
    let after: string | null = null
    for (;;) {
      const page: any = await gqlOk(
        srv,
        'query($after: String) { models(entityName: "local", first: 2, after: $after) { edges { node { id name entityName createdAt isBenchmark } cursor } pageInfo { endCursor hasNextPage } } }',
        { after },
      )
      names.push(...page.models.edges.map((e: any) => e.node.name))
      if (!page.models.pageInfo.hasNextPage) break
      after = page.models.pageInfo.endCursor
    }
    expect(names).toContain('m1')
    expect(names).toContain('runs')
    expect(new Set(names).size).toBe(names.length)
  })

  it('serves project fields', async () => {
    const data = await gqlOk(
      srv,
      '{ project(name: "runs", entityName: "local") { id internalId name entityName readOnly createdAt runCount totalRuns entity { name isTeam } } }',
    )
    expect(data.project).toMatchObject({
      name: 'runs',
      entityName: 'local',
      readOnly: false,
      entity: { name: 'local', isTeam: false },
    })
    expect(data.project.runCount).toBeGreaterThan(3)
    expect(data.project.totalRuns).toBe(data.project.runCount)
  })

  it('rejects bad project names', async () => {
    const result = await gql(srv, 'mutation { upsertModel(input: {name: "a:b"}) { inserted } }')
    expect(result.errors?.[0]?.message).toMatch(/invalid project name/)
  })
})

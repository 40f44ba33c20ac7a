import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { gql, gqlOk, upsertRun, withServer } from './helpers.js'

let srv: RunningServer
const P = 'filters'

const RUNS = [
  {
    name: 'r1',
    displayName: 'alpha',
    state: 'finished',
    tags: ['a', 'best'],
    groupName: 'g1',
    jobType: 'train',
    config: {
      lr: 0.1,
      batch_size: 32,
      optimizer: 'adam',
      model: { depth: 3, name: 'resnet' },
      use_amp: true,
      layers: [1, 2],
    },
    summary: { loss: 0.5, acc: 0.8, nested: { x: 1 }, flag: true },
  },
  {
    name: 'r2',
    displayName: 'beta',
    state: 'finished',
    tags: ['b'],
    groupName: 'g1',
    jobType: 'eval',
    config: { lr: 0.01, batch_size: 64, optimizer: 'sgd', model: { depth: 5 }, use_amp: false },
    summary: { loss: 0.3, acc: 0.9, nested: { x: 2 } },
  },
  {
    name: 'r3',
    displayName: 'gamma',
    state: 'crashed',
    tags: [],
    config: { lr: 0.001, batch_size: 32, optimizer: 'adam' },
    summary: { loss: '0.1', acc: 1 },
  },
  {
    name: 'r4',
    displayName: 'delta',
    state: 'running',
    tags: ['a'],
    groupName: 'g2',
    sweep: 's1',
    config: { lr: 1, optimizer: null },
    summary: {},
  },
  {
    name: 'r5',
    displayName: 'epsilon',
    state: 'failed',
    tags: ['best'],
    jobType: 'train',
    config: { lr: 0, batch_size: 128 },
    summary: { loss: 0, acc: 0, flag: false },
  },
]

beforeAll(async () => {
  srv = await withServer()
  for (const { config, summary, ...run } of RUNS) {
    await upsertRun(srv, {
      ...run,
      project: P,
      config: JSON.stringify(config),
      summaryMetrics: JSON.stringify(summary),
    })
  }
})
afterAll(() => srv.close())

const RUNS_QUERY = `query Runs($project: String!, $entity: String!, $cursor: String, $perPage: Int, $order: String, $filters: JSONString) {
  project(name: $project, entityName: $entity) {
    runCount(filters: $filters)
    runs(filters: $filters, after: $cursor, first: $perPage, order: $order) {
      totalCount edges { node { name } cursor } pageInfo { endCursor hasNextPage startCursor hasPreviousPage }
    }
  }
}`

async function names(filters: unknown, order?: string): Promise<string[]> {
  const data = await gqlOk(srv, RUNS_QUERY, {
    project: P,
    entity: 'local',
    filters: JSON.stringify(filters),
    ...(order ? { order } : {}),
  })
  const found = data.project.runs.edges.map((e: any) => e.node.name)
  expect(data.project.runCount).toBe(found.length)
  expect(data.project.runs.totalCount).toBe(found.length)
  return found
}

describe('filters (Mongo semantics, evaluated in SQLite)', () => {
  it.each<[string, unknown, string[]]>([
    ['empty', {}, ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['name', { name: 'r1' }, ['r1']],
    ['displayName', { displayName: 'beta' }, ['r2']],
    ['display_name', { display_name: 'beta' }, ['r2']],
    ['state', { state: 'finished' }, ['r1', 'r2']],
    ['state $in', { state: { $in: ['crashed', 'failed'] } }, ['r3', 'r5']],
    ['state $nin', { state: { $nin: ['finished'] } }, ['r3', 'r4', 'r5']],
    ['state $ne', { state: { $ne: 'running' } }, ['r1', 'r2', 'r3', 'r5']],
    ['state $eq', { state: { $eq: 'running' } }, ['r4']],
    ['state compared with a number', { state: 1 }, []],
    ['tags membership', { tags: 'best' }, ['r1', 'r5']],
    ['tags $in', { tags: { $in: ['a', 'b'] } }, ['r1', 'r2', 'r4']],
    ['tags $nin', { tags: { $nin: ['a'] } }, ['r2', 'r3', 'r5']],
    ['tags $ne', { tags: { $ne: 'a' } }, ['r2', 'r3', 'r5']],
    ['tags $regex', { tags: { $regex: '^be' } }, ['r1', 'r5']],
    ['tags whole list', { tags: ['a', 'best'] }, ['r1']],
    ['group', { group: 'g1' }, ['r1', 'r2']],
    ['group null', { group: null }, ['r3', 'r5']],
    ['group $exists false', { group: { $exists: false } }, ['r3', 'r5']],
    ['jobType', { jobType: 'train' }, ['r1', 'r5']],
    ['config.k', { 'config.lr': 0.1 }, ['r1']],
    ['config.k.value', { 'config.lr.value': 0.1 }, ['r1']],
    ['config $gt', { 'config.lr': { $gt: 0.005 } }, ['r1', 'r2', 'r4']],
    ['config range', { 'config.lr': { $gte: 0.01, $lt: 1 } }, ['r1', 'r2']],
    ['config $lte 0', { 'config.lr': { $lte: 0 } }, ['r5']],
    ['config $in', { 'config.lr': { $in: [0.1, 0.01] } }, ['r1', 'r2']],
    ['config $nin (matches missing)', { 'config.lr': { $nin: [0.1, 0.01] } }, ['r3', 'r4', 'r5']],
    ['config string $in', { 'config.optimizer': { $in: ['adam'] } }, ['r1', 'r3']],
    ['config null matches null and missing', { 'config.optimizer': null }, ['r4', 'r5']],
    ['config $ne matches missing', { 'config.optimizer': { $ne: 'adam' } }, ['r2', 'r4', 'r5']],
    ['config $exists (null exists)', { 'config.optimizer': { $exists: true } }, ['r1', 'r2', 'r3', 'r4']],
    ['config nested value', { 'config.model.depth': { $gt: 3 } }, ['r2']],
    ['config nested via .value', { 'config.model.value.depth': 3 }, ['r1']],
    ['config $regex', { 'config.model.name': { $regex: '^res' } }, ['r1']],
    ['$regex never matches objects', { 'config.model': { $regex: 'depth' } }, []],
    ['$regex never matches numbers', { 'config.lr': { $regex: '1' } }, []],
    ['config boolean', { 'config.use_amp': true }, ['r1']],
    ['config boolean false', { 'config.use_amp': false }, ['r2']],
    ['number never equals a boolean', { 'config.use_amp': 1 }, []],
    ['number range skips booleans', { 'config.use_amp': { $gte: 0 } }, []],
    ['boolean range', { 'config.use_amp': { $gt: false } }, ['r1']],
    ['number 1 does not match true', { 'config.lr': 1 }, ['r4']],
    ['config whole array', { 'config.layers': [1, 2] }, ['r1']],
    ['summary $lt skips strings', { 'summary_metrics.loss': { $lt: 0.4 } }, ['r2', 'r5']],
    ['summary $gt skips strings', { 'summary_metrics.loss': { $gt: 0.2 } }, ['r1', 'r2']],
    ['summary string bracket', { 'summary_metrics.loss': { $lt: '1' } }, ['r3']],
    ['summary $exists false', { 'summary_metrics.loss': { $exists: false } }, ['r4']],
    ['summary nested', { 'summary_metrics.nested.x': 2 }, ['r2']],
    ['summary object equality', { 'summary_metrics.nested': { x: 1 } }, ['r1']],
    ['summary boolean', { 'summary_metrics.flag': false }, ['r5']],
    ['summary $gte', { 'summary_metrics.acc': { $gte: 0.9 } }, ['r2', 'r3']],
    ['$or', { $or: [{ state: 'crashed' }, { 'config.batch_size': 64 }] }, ['r2', 'r3']],
    ['$and', { $and: [{ tags: 'best' }, { state: 'finished' }] }, ['r1']],
    ['$nor', { $nor: [{ state: 'finished' }, { tags: 'a' }] }, ['r3', 'r5']],
    [
      'nested logic',
      { $or: [{ $and: [{ group: 'g1' }, { jobType: 'eval' }] }, { name: 'r5' }] },
      ['r2', 'r5'],
    ],
    ['implicit and', { group: 'g1', 'config.optimizer': 'adam' }, ['r1']],
    ['$regex', { displayName: { $regex: '^(alpha|gamma)$' } }, ['r1', 'r3']],
    ['$regex $options i', { name: { $regex: 'R1', $options: 'i' } }, ['r1']],
    ['sweep', { sweep: 's1' }, ['r4']],
    ['username', { username: 'local' }, ['r1', 'r2', 'r3', 'r4', 'r5']],
    [
      'createdAt $gt (zone-less = UTC)',
      { createdAt: { $gt: '2000-01-01T00:00:00' } },
      ['r1', 'r2', 'r3', 'r4', 'r5'],
    ],
    ['createdAt $lt', { createdAt: { $lt: '2000-01-01' } }, []],
    ['heartbeatAt $gte', { heartbeatAt: { $gte: '2000-01-01T00:00:00Z' } }, ['r1', 'r2', 'r3', 'r4', 'r5']],
  ])('%s', async (_label, filter, expected) => {
    expect(await names(filter)).toEqual(expected)
  })

  it.each<[string, unknown, RegExp]>([
    ['$where', { $where: '1' }, /unsupported operator \$where/],
    ['$expr', { $expr: {} }, /unsupported operator \$expr/],
    ['$size', { tags: { $size: 2 } }, /at \$\.tags\.\$size: unsupported operator \$size/],
    ['$all', { tags: { $all: ['a'] } }, /unsupported operator \$all/],
    ['$elemMatch', { tags: { $elemMatch: { $eq: 'a' } } }, /unsupported operator \$elemMatch/],
    ['$not', { state: { $not: { $eq: 'x' } } }, /unsupported operator \$not/],
    ['$mod', { 'config.lr': { $mod: [2, 0] } }, /unsupported operator \$mod/],
    ['$type', { 'config.lr': { $type: 'number' } }, /unsupported operator \$type/],
    ['unknown field', { foo: 1 }, /unsupported field "foo"/],
    ['empty $or', { $or: [] }, /non-empty array/],
    ['$in without array', { state: { $in: 'x' } }, /\$in needs an array/],
    ['bad $regex', { name: { $regex: '(' } }, /bad \$regex/],
    ['huge $regex', { name: { $regex: 'a'.repeat(2000) } }, /longer than/],
    ['$options alone', { name: { $options: 'i' } }, /\$options needs/],
    ['mixed keys', { state: { $gt: 'a', x: 1 } }, /cannot mix/],
    ['bad date', { createdAt: { $gt: 'yesterday' } }, /ISO-8601/],
    ['not an object', [1], /expected an object/],
    ['quote in key', { 'config.a"b': 1 }, /unsupported key segment/],
  ])('rejects %s with a clear GraphQL error', async (_label, filter, message) => {
    const result = await gql(srv, RUNS_QUERY, {
      project: P,
      entity: 'local',
      filters: JSON.stringify(filter),
    })
    expect(result.status).toBe(200)
    expect(result.errors?.[0]?.message).toMatch(message)
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('rejects filters that are not JSON, and keeps serving', async () => {
    const result = await gql(srv, RUNS_QUERY, { project: P, entity: 'local', filters: '{nope' })
    expect(result.errors?.[0]?.message).toMatch(/not valid JSON/)
    expect(await names({ name: 'r2' })).toEqual(['r2'])
  })

  it('evaluates a hostile regex in linear time', async () => {
    const evil = { displayName: { $regex: '^(a+)+$' } }
    await upsertRun(srv, { name: 'evil', project: 'evil', displayName: `${'a'.repeat(5000)}!` })
    const data = await gqlOk(srv, RUNS_QUERY, {
      project: 'evil',
      entity: 'local',
      filters: JSON.stringify(evil),
    })
    expect(data.project.runCount).toBe(0)
  })
})

describe('order', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['', ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['+created_at', ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['-created_at', ['r5', 'r4', 'r3', 'r2', 'r1']],
    ['createdAt', ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['-heartbeat_at', ['r5', 'r4', 'r3', 'r2', 'r1']],
    ['+name', ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['-name', ['r5', 'r4', 'r3', 'r2', 'r1']],
    ['+display_name', ['r1', 'r2', 'r4', 'r5', 'r3']],
    ['-displayName', ['r3', 'r5', 'r4', 'r2', 'r1']],
    // Mongo brackets: missing < numbers < strings.
    ['+summary_metrics.loss', ['r4', 'r5', 'r2', 'r1', 'r3']],
    ['-summary_metrics.loss', ['r3', 'r1', 'r2', 'r5', 'r4']],
    ['+config.lr.value', ['r5', 'r3', 'r2', 'r1', 'r4']],
    ['-config.lr', ['r4', 'r1', 'r2', 'r3', 'r5']],
    ['+summary_metrics.nested.x', ['r3', 'r4', 'r5', 'r1', 'r2']],
  ])('order %s', async (order, expected) => {
    expect(await names({}, order)).toEqual(expected)
  })

  it('rejects unknown order keys', async () => {
    const result = await gql(srv, RUNS_QUERY, { project: P, entity: 'local', order: '-loss' })
    expect(result.errors?.[0]?.message).toMatch(/unsupported order key "loss"/)
  })
})

describe('keyset paging', () => {
  async function pageAll(
    project: string,
    order: string,
    perPage: number,
    between: (page: number) => Promise<void>,
  ) {
    const seen: string[] = []
    let cursor: string | null = null
    for (let page = 0; page < 100; page++) {
      const data: any = await gqlOk(srv, RUNS_QUERY, { project, entity: 'local', order, perPage, cursor })
      const { edges, pageInfo } = data.project.runs
      seen.push(...edges.map((e: any) => e.node.name))
      expect(pageInfo.hasPreviousPage).toBe(cursor !== null)
      if (edges.length > 0) expect(pageInfo.endCursor).toBe(edges.at(-1).cursor)
      if (!pageInfo.hasNextPage) break
      cursor = edges.at(-1).cursor
      await between(page)
    }
    return seen
  }

  it.each(['+created_at', '-created_at', '-summary_metrics.x', '+config.k.value', '+display_name'])(
    'never repeats or skips with order %s while runs are inserted between pages',
    async (order) => {
      const project = `paging${order.replace(/\W/g, '_')}`
      const originals: string[] = []
      for (let i = 0; i < 23; i++) {
        const name = `o${String(i).padStart(2, '0')}`
        originals.push(name)
        // Repeated sort values (i % 5) make the tie-breaker matter.
        await upsertRun(srv, {
          name,
          project,
          displayName: `d${i % 5}`,
          config: JSON.stringify({ k: i % 5 }),
          summaryMetrics: JSON.stringify(i % 7 === 0 ? {} : { x: i % 5 }),
        })
      }
      let added = 0
      const seen = await pageAll(project, order, 4, async () => {
        for (let j = 0; j < 2; j++) {
          added++
          await upsertRun(srv, {
            name: `n${added}`,
            project,
            displayName: `d${added % 5}`,
            config: JSON.stringify({ k: added % 5 }),
            summaryMetrics: JSON.stringify({ x: added % 5 }),
          })
        }
      })
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen.filter((n) => n.startsWith('o')).sort()).toEqual(originals)
    },
  )

  it('clamps first and rejects a cursor of another order', async () => {
    const first = await gqlOk(srv, RUNS_QUERY, { project: P, entity: 'local', perPage: 2 })
    expect(first.project.runs.edges).toHaveLength(2)
    const cursor = first.project.runs.pageInfo.endCursor
    const bad = await gql(srv, RUNS_QUERY, { project: P, entity: 'local', cursor, order: '-name' })
    expect(bad.errors?.[0]?.message).toMatch(/cursor belongs to order/)
    const garbage = await gql(srv, RUNS_QUERY, { project: P, entity: 'local', cursor: 'zzz' })
    expect(garbage.errors?.[0]?.message).toMatch(/malformed cursor/)
  })
})

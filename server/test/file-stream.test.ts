import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { fileStream, gqlOk, upsertRun, withServer } from './helpers.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer()
})
afterAll(() => srv.close())

const history = (offset: number, rows: readonly object[]) => ({
  files: { 'wandb-history.jsonl': { offset, content: rows.map((r) => JSON.stringify(r)) } },
})
const readRun = async (name: string, fields: string) =>
  (await gqlOk(srv, `{ project(name: "fs") { run(name: "${name}") { ${fields} } } }`)).project.run

describe('file_stream', () => {
  it('appends history by offset; a resent chunk does not duplicate rows', async () => {
    await upsertRun(srv, { name: 'h', project: 'fs' })
    const rows = Array.from({ length: 5 }, (_, i) => ({
      _step: i,
      loss: 1 / (i + 1),
      _runtime: i,
      _timestamp: 1700000000 + i,
    }))
    expect(await fileStream(srv, 'local/fs/h', history(0, rows.slice(0, 3)))).toEqual({
      status: 200,
      body: {},
    })
    // Retry of the same chunk, then an overlapping one.
    expect((await fileStream(srv, 'local/fs/h', history(0, rows.slice(0, 3)))).status).toBe(200)
    expect((await fileStream(srv, 'local/fs/h', history(2, rows.slice(2, 5)))).status).toBe(200)
    const run = await readRun('h', 'historyLineCount history(samples: 100) state heartbeatAt historyKeys')
    expect(run.historyLineCount).toBe(5)
    expect(run.history.map((l: string) => JSON.parse(l)._step)).toEqual([0, 1, 2, 3, 4])
    expect(run.state).toBe('running')
    expect(run.historyKeys.lastStep).toBe(4)
    expect(Object.keys(run.historyKeys.keys).sort()).toEqual(['_runtime', '_step', '_timestamp', 'loss'])
    expect(run.historyKeys.keys.loss).toEqual({ typeCounts: [{ type: 'number', count: 5 }] })
  })

  it('refuses a gap with 400 and stores nothing of that request', async () => {
    await upsertRun(srv, { name: 'gap', project: 'fs' })
    const res = await fileStream(srv, 'local/fs/gap', {
      ...history(3, [{ _step: 3 }]),
      files: {
        ...history(3, [{ _step: 3 }]).files,
        'wandb-summary.json': { offset: 0, content: ['{"a":1}'] },
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/gap/)
    expect(await readRun('gap', 'historyLineCount summaryMetrics')).toEqual({
      historyLineCount: 0,
      summaryMetrics: '{}',
    })
  })

  it.each([
    ['a non-object body', [1], /JSON object/],
    ['a bad offset', { files: { 'wandb-history.jsonl': { offset: -1, content: [] } } }, /offset/],
    [
      'non-string content',
      { files: { 'wandb-history.jsonl': { offset: 0, content: [1] } } },
      /array of strings/,
    ],
    [
      'a non-JSON history line',
      { files: { 'wandb-history.jsonl': { offset: 0, content: ['{nope'] } } },
      /not valid JSON/,
    ],
    [
      'a non-object history line',
      { files: { 'wandb-history.jsonl': { offset: 0, content: ['[1]'] } } },
      /not a JSON object/,
    ],
  ])('answers %s with 400', async (_label, body, message) => {
    const res = await fileStream(srv, 'local/fs/bad', body)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })

  it('answers malformed JSON with 400 and a missing key with 401', async () => {
    const res = await fetch(`${srv.url}/files/local/fs/x/file_stream`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`api:${srv.apiKey}`)}` },
      body: '{',
    })
    expect(res.status).toBe(400)
    const anon = await fetch(`${srv.url}/files/local/fs/x/file_stream`, { method: 'POST', body: '{}' })
    expect(anon.status).toBe(401)
  })

  it('keeps NaN in history strings, and answers JSON values as strict JSON with "NaN" strings', async () => {
    await upsertRun(srv, { name: 'nan', project: 'fs' })
    const lines = ['{"_step":0,"loss":NaN}', '{"_step":1,"loss":Infinity,"neg":-Infinity,"s":"NaN"}']
    await fileStream(srv, 'local/fs/nan', { files: { 'wandb-history.jsonl': { offset: 0, content: lines } } })
    const res = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`api:${srv.apiKey}`)}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ project(name: "fs") { run(name: "nan") { history sampledHistory(specs: ["{\\"keys\\": [\\"_step\\", \\"loss\\"]}"]) } } }',
      }),
    })
    const text = await res.text()
    // history: strings carry the raw lines (extended JSON inside the string); sampledHistory is
    // JSON-typed, so non-finite numbers are strings and the whole body parses as strict JSON.
    const body = JSON.parse(text) as {
      data: { project: { run: { history: string[]; sampledHistory: unknown } } }
    }
    expect(body.data.project.run.history[0]).toBe('{"_step":0,"loss":NaN}')
    expect(body.data.project.run.sampledHistory).toEqual([
      [
        { _step: 0, loss: 'NaN' },
        { _step: 1, loss: 'Infinity' },
      ],
    ])
  })

  it('keeps the last summary line, the last events row as systemMetrics', async () => {
    await upsertRun(srv, { name: 'sum', project: 'fs' })
    await fileStream(srv, 'local/fs/sum', {
      files: {
        'wandb-summary.json': { offset: 0, content: ['{"loss":1}', '{"loss":0.5,"acc":NaN}'] },
        'wandb-events.jsonl': {
          offset: 0,
          content: [
            '{"system.cpu":5,"_wandb":true,"_timestamp":1,"_runtime":1}',
            '{"system.cpu":7,"_wandb":true,"_timestamp":2,"_runtime":2}',
          ],
        },
      },
    })
    const run = await readRun(
      'sum',
      'summaryMetrics systemMetrics eventsLineCount events(samples: 10) eventsTail',
    )
    expect(run.summaryMetrics).toBe('{"loss":0.5,"acc":NaN}')
    expect(JSON.parse(run.systemMetrics)['system.cpu']).toBe(7)
    expect(run.eventsLineCount).toBe(2)
    expect(run.events).toHaveLength(2)
    expect(JSON.parse(run.eventsTail)).toHaveLength(2)
  })

  it('rewrites output.log lines and serves them as logLines', async () => {
    await upsertRun(srv, { name: 'log', project: 'fs' })
    const out = (offset: number, content: string[]) => ({ files: { 'output.log': { offset, content } } })
    await fileStream(
      srv,
      'local/fs/log',
      out(0, [
        '2024-01-01T00:00:00.000001 epoch 1',
        'ERROR 2024-01-01T00:00:01.000000 boom',
        '2024-01-01T00:00:02.000000 [rank0] 10%',
      ]),
    )
    await fileStream(srv, 'local/fs/log', out(2, ['2024-01-01T00:00:02.000000 [rank0] 100%', 'plain line']))
    const run = await readRun(
      'log',
      'logLineCount logLines(first: 10) { edges { node { id number timestamp level label line } cursor } pageInfo { hasNextPage endCursor } }',
    )
    expect(run.logLineCount).toBe(4)
    expect(run.logLines.edges.map((e: any) => e.node)).toEqual([
      {
        id: '0',
        number: 0,
        timestamp: '2024-01-01T00:00:00.000001',
        level: 'info',
        label: null,
        line: 'epoch 1',
      },
      {
        id: '1',
        number: 1,
        timestamp: '2024-01-01T00:00:01.000000',
        level: 'error',
        label: null,
        line: 'boom',
      },
      {
        id: '2',
        number: 2,
        timestamp: '2024-01-01T00:00:02.000000',
        level: 'info',
        label: 'rank0',
        line: '100%',
      },
      { id: '3', number: 3, timestamp: null, level: 'info', label: null, line: 'plain line' },
    ])
    const page = await readRun(
      'log',
      'logLines(first: 2) { edges { node { number } cursor } pageInfo { hasNextPage endCursor } }',
    )
    expect(page.logLines.pageInfo.hasNextPage).toBe(true)
    const next = await readRun(
      'log',
      `logLines(first: 2, after: "${page.logLines.pageInfo.endCursor}", useImprovedPagination: true) { edges { node { number } } pageInfo { hasNextPage } }`,
    )
    expect(next.logLines.edges.map((e: any) => e.node.number)).toEqual([2, 3])
    expect(next.logLines.pageInfo.hasNextPage).toBe(false)
    const tail = await readRun('log', 'logLines(last: 2) { edges { node { number } } }')
    expect(tail.logLines.edges.map((e: any) => e.node.number)).toEqual([2, 3])
    const gap = await fileStream(srv, 'local/fs/log', out(9, ['x']))
    expect(gap.status).toBe(400)
  })

  it('a heartbeat {} updates heartbeatAt; complete/exitcode set finished or failed; preempting', async () => {
    for (const name of ['ok', 'fail', 'pre']) await upsertRun(srv, { name, project: 'fs' })
    const before = (await readRun('ok', 'heartbeatAt')).heartbeatAt
    await new Promise((r) => setTimeout(r, 5))
    expect(await fileStream(srv, 'local/fs/ok', {})).toEqual({ status: 200, body: {} })
    expect((await readRun('ok', 'heartbeatAt')).heartbeatAt > before).toBe(true)
    await fileStream(srv, 'local/fs/ok', { complete: true, exitcode: 0 })
    await fileStream(srv, 'local/fs/fail', { complete: true, exitcode: 1 })
    await fileStream(srv, 'local/fs/pre', { preempting: true })
    expect(await readRun('ok', 'state exitcode running')).toEqual({
      state: 'finished',
      exitcode: 0,
      running: false,
    })
    expect(await readRun('fail', 'state exitcode failed')).toEqual({
      state: 'failed',
      exitcode: 1,
      failed: true,
    })
    expect(await readRun('pre', 'state')).toEqual({ state: 'preempting' })
  })

  it('creates a run that was not upserted first (tolerant), but not in a foreign entity', async () => {
    expect((await fileStream(srv, 'local/fs-auto/new1', history(0, [{ _step: 0, x: 1 }]))).status).toBe(200)
    const data = await gqlOk(
      srv,
      '{ project(name: "fs-auto") { run(name: "new1") { state historyLineCount } } }',
    )
    expect(data.project.run).toEqual({ state: 'running', historyLineCount: 1 })
    const foreign = await fileStream(srv, 'someone-else/p/r', {})
    expect(foreign.status).toBe(403)
  })
})

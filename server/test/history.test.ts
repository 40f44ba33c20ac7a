import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { fileStream, gql, gqlOk, upsertRun, withServer } from './helpers.js'

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer()
  await upsertRun(srv, { name: 'h', project: 'hist' })
  // 100 rows, _step 0..99; `acc` only on even steps; nested `train.loss`; `media` on step 50.
  const rows = Array.from({ length: 100 }, (_, i) => ({
    _step: i,
    loss: 100 - i,
    ...(i % 2 === 0 ? { acc: i / 100 } : {}),
    train: { loss: i, lr: 0.1 },
    ...(i === 50 ? { media: { _type: 'image-file', path: 'x.png' } } : {}),
  }))
  await fileStream(srv, 'local/hist/h', {
    files: { 'wandb-history.jsonl': { offset: 0, content: rows.map((r) => JSON.stringify(r)) } },
  })
})
afterAll(() => srv.close())

const run = async (fields: string, variables: Record<string, unknown> = {}) => {
  const decl = variables.specs ? '($specs: [JSONString!]!)' : ''
  return (
    await gqlOk(srv, `query${decl} { project(name: "hist") { run(name: "h") { ${fields} } } }`, variables)
  ).project.run
}
const steps = (lines: string[]) => lines.map((l) => JSON.parse(l)._step)

describe('history', () => {
  it('returns every row with samples >= count, and maxStep is exclusive', async () => {
    expect(steps((await run('history(samples: 1000)')).history)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    )
    expect(steps((await run('history(samples: 1000, minStep: 10, maxStep: 15)')).history)).toEqual([
      10, 11, 12, 13, 14,
    ])
    expect(steps((await run('history(samples: 1000, minStep: "98")')).history)).toEqual([98, 99])
  })

  it('down-samples evenly keeping the first and last row (default 500 samples)', async () => {
    expect(steps((await run('history(samples: 4)')).history)).toEqual([0, 33, 66, 99])
    expect(steps((await run('history(samples: 1, minStep: 5)')).history)).toEqual([5])
    expect((await run('history')).history).toHaveLength(100)
  })

  it('keeps repeated and skipped steps (log(data, step)) in step then log order', async () => {
    await upsertRun(srv, { name: 'steps', project: 'hist' })
    const lines = [0, 0, 1, 5, 5, 9].map((s, i) => JSON.stringify({ _step: s, i }))
    await fileStream(srv, 'local/hist/steps', {
      files: { 'wandb-history.jsonl': { offset: 0, content: lines } },
    })
    const data = await gqlOk(
      srv,
      '{ project(name: "hist") { run(name: "steps") { all: history(samples: 100) some: history(samples: 3) window: history(minStep: 1, maxStep: 9) historyKeys } } }',
    )
    const order = (l: string[]) => l.map((x) => JSON.parse(x).i)
    expect(order(data.project.run.all)).toEqual([0, 1, 2, 3, 4, 5])
    expect(order(data.project.run.some)).toEqual([0, 3, 5])
    expect(order(data.project.run.window)).toEqual([2, 3, 4])
    expect(data.project.run.historyKeys.lastStep).toBe(9)
  })

  it('reports historyKeys with nested keys flattened and media typed', async () => {
    const { historyKeys } = await run('historyKeys')
    expect(historyKeys.lastStep).toBe(99)
    expect(historyKeys.keys['train.loss']).toEqual({ typeCounts: [{ type: 'number', count: 100 }] })
    expect(historyKeys.keys.acc.typeCounts).toEqual([{ type: 'number', count: 50 }])
    expect(historyKeys.keys.media.typeCounts).toEqual([{ type: 'image-file', count: 1 }])
  })
})

describe('sampledHistory', () => {
  it('returns one list per spec, rows reduced to the keys, only rows holding all keys', async () => {
    const specs = [
      JSON.stringify({ keys: ['_step', 'acc'], samples: 1000 }),
      JSON.stringify({ keys: ['_step', 'loss'], samples: 1000, minStep: 10, maxStep: 12 }),
    ]
    const { sampledHistory } = await run('sampledHistory(specs: $specs)', { specs })
    expect(sampledHistory).toHaveLength(2)
    expect(sampledHistory[0]).toHaveLength(50)
    expect(sampledHistory[0][1]).toEqual({ _step: 2, acc: 0.02 })
    // maxStep is inclusive in a spec.
    expect(sampledHistory[1]).toEqual([
      { _step: 10, loss: 90 },
      { _step: 11, loss: 89 },
      { _step: 12, loss: 88 },
    ])
  })

  it('reads nested keys by dotted path and down-samples keeping first and last', async () => {
    const specs = [JSON.stringify({ keys: ['_step', 'train.loss'], samples: 3 })]
    const { sampledHistory } = await run('sampledHistory(specs: $specs)', { specs })
    expect(sampledHistory[0]).toEqual([
      { _step: 0, 'train.loss': 0 },
      { _step: 50, 'train.loss': 50 },
      { _step: 99, 'train.loss': 99 },
    ])
  })

  it('rejects bad specs with a GraphQL error', async () => {
    for (const [spec, message] of [
      ['{', /not valid JSON/],
      ['[1]', /must be an object/],
      ['{"keys": "x"}', /keys must be an array/],
      ['{"samples": 1.5}', /samples must be an integer/],
    ] as const) {
      const result = await gql(
        srv,
        'query($s: [JSONString!]!) { project(name: "hist") { run(name: "h") { sampledHistory(specs: $s) } } }',
        { s: [spec] },
      )
      expect(result.errors?.[0]?.message).toMatch(message)
    }
  })
})

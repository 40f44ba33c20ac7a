import { describe, expect, it } from 'vitest'
import { decode } from '../../src/codecs/decode.js'
import { HistoryRow } from '../../src/codecs/history-row-codec.js'
import { toRun } from '../../src/codecs/run.js'
import { RunNode } from '../../src/codecs/run-node-codec.js'
import { RunsResponse } from '../../src/codecs/runs-page-codec.js'
import { ViewerResponse } from '../../src/codecs/user-codec.js'
import { ResponseDecodeError } from '../../src/errors/response-decode-error.js'
import { parseExtendedJson } from '../../src/internal/extended-json.js'

/** A run node shaped like W&B's RunFragment response (PROTOCOL.md §3). */
const node = (over: Record<string, unknown> = {}) => ({
  id: 'UnVuOnYxOmFiYzEyMzpteS1wcm9qOm15LXRlYW0=',
  name: 'abc123',
  displayName: 'lucky-sun-7',
  sweepName: 'sw9',
  state: 'finished',
  group: 'baseline',
  jobType: 'train',
  commit: 'deadbeef',
  readOnly: false,
  createdAt: '2024-05-01T12:00:00',
  heartbeatAt: '2024-05-01T12:30:00',
  description: null,
  notes: 'first try',
  historyLineCount: 1200,
  tags: ['baseline', 'v2'],
  user: { name: 'Ada', username: 'ada' },
  config: JSON.stringify({
    lr: { value: 0.001, desc: null },
    optimizer: { value: 'adam', desc: 'the optimizer' },
    model: { value: { layers: 4, width: 256 } },
    _wandb: { value: { cli_version: '0.17.0' } },
    wandb_version: 1,
    plain: 3,
  }),
  summaryMetrics: '{"loss": 0.25, "acc": NaN, "best": Infinity, "eval": {"loss": 0.3}}',
  systemMetrics: { 'system.gpu.0.temp': 61 },
  historyKeys: { lastStep: 1199, keys: {} },
  ...over,
})

const context = { entity: 'my-team', project: 'my-proj', appUrl: 'https://wandb.ai' }

describe('RunNode → Run', () => {
  it('decodes a full fragment into plain, frozen Run data', () => {
    const run = toRun(decode(RunNode, node(), 'Run'), context)
    expect(run).toMatchObject({
      id: 'abc123',
      name: 'lucky-sun-7',
      storageId: 'UnVuOnYxOmFiYzEyMzpteS1wcm9qOm15LXRlYW0=',
      entity: 'my-team',
      project: 'my-proj',
      path: 'my-team/my-proj/abc123',
      url: 'https://wandb.ai/my-team/my-proj/runs/abc123',
      state: 'finished',
      config: { lr: 0.001, optimizer: 'adam', model: { layers: 4, width: 256 }, plain: 3 },
      systemMetrics: { 'system.gpu.0.temp': 61 },
      tags: ['baseline', 'v2'],
      group: 'baseline',
      jobType: 'train',
      sweepName: 'sw9',
      commit: 'deadbeef',
      notes: 'first try',
      historyLineCount: 1200,
      lastHistoryStep: 1199,
      user: { name: 'Ada', username: 'ada' },
    })
    expect(run.config).not.toHaveProperty('_wandb')
    expect(run.config).not.toHaveProperty('wandb_version')
    expect(run.createdAt.toISOString()).toBe('2024-05-01T12:00:00.000Z')
    expect(run.heartbeatAt.toISOString()).toBe('2024-05-01T12:30:00.000Z')
    expect(run.summary['loss']).toBe(0.25)
    expect(run.summary['acc']).toBeNaN()
    expect(run.summary['best']).toBe(Infinity)
    expect(Object.isFrozen(run) && Object.isFrozen(run.config) && Object.isFrozen(run.tags)).toBe(true)
  })

  it('fills light-fragment gaps with empty values', () => {
    const light = node()
    for (const key of [
      'config',
      'summaryMetrics',
      'systemMetrics',
      'historyKeys',
      'heartbeatAt',
      'displayName',
    ]) {
      delete (light as Record<string, unknown>)[key]
    }
    const run = toRun(decode(RunNode, light, 'Run'), context)
    expect(run).toMatchObject({
      name: 'abc123',
      config: {},
      summary: {},
      systemMetrics: {},
      lastHistoryStep: -1,
    })
    expect(run.heartbeatAt).toEqual(run.createdAt)
  })

  it('accepts summary and config already parsed, and null JSON strings', () => {
    const run = toRun(
      decode(RunNode, node({ summaryMetrics: { loss: 1 }, config: null, tags: null }), 'Run'),
      context,
    )
    expect(run.summary).toEqual({ loss: 1 })
    expect(run.config).toEqual({})
    expect(run.tags).toEqual([])
  })
})

describe('decode failures name the JSON path', () => {
  const page = (nodes: unknown[]) => ({
    project: {
      runCount: nodes.length,
      runs: {
        edges: nodes.map((n, i) => ({ node: n, cursor: `c${i}` })),
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    },
  })

  it('points at edges.3.node.createdAt', () => {
    const nodes = [node(), node(), node(), node({ createdAt: 'yesterday' })]
    let error: unknown
    try {
      decode(RunsResponse, page(nodes), 'Runs')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ResponseDecodeError)
    const decodeError = error as ResponseDecodeError
    expect(decodeError.issues.map((i) => i.path)).toContain('project.runs.edges.3.node.createdAt')
    expect(decodeError.message).toContain('project.runs.edges.3.node.createdAt')
    expect(decodeError.message).toContain('"yesterday"')
  })

  it('rejects a summary that is not a JSON object', () => {
    expect(() => decode(RunNode, node({ summaryMetrics: '{oops' }), 'Run')).toThrow(/summaryMetrics/)
    expect(() => decode(RunNode, node({ summaryMetrics: '[1,2]' }), 'Run')).toThrow(/summaryMetrics/)
  })

  it('reads a null viewer as data, not as a decode error', () => {
    expect(decode(ViewerResponse, { viewer: null }, 'Viewer')).toEqual({ viewer: null })
  })
})

describe('HistoryRow', () => {
  it('decodes JSON-string rows with NaN and Infinity, and nested keys', () => {
    const lines = [
      '{"_step":0,"_runtime":1.5,"_timestamp":1714560000.25,"loss":NaN,"eval":{"acc":0.5}}',
      '{"_step":1,"loss":-Infinity}',
    ]
    const rows = lines.map((l) => decode(HistoryRow, l, 'history'))
    expect(rows[0]?._step).toBe(0)
    expect(rows[0]?.['loss']).toBeNaN()
    expect(rows[0]?.['eval']).toEqual({ acc: 0.5 })
    expect(rows[1]?.['loss']).toBe(-Infinity)
  })

  it('decodes rows given as objects (sampledHistory)', () => {
    const row = parseExtendedJson('{"_step": 7, "acc": Infinity}')
    expect(decode(HistoryRow, row, 'sampledHistory')).toEqual({ _step: 7, acc: Infinity })
  })

  it('requires a numeric _step', () => {
    expect(() => decode(HistoryRow, '{"loss":1}', 'history')).toThrow(ResponseDecodeError)
  })
})

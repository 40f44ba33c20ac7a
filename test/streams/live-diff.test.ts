import { from, lastValueFrom, toArray } from 'rxjs'
import { describe, expect, it } from 'vitest'
import type { Run } from '../../src/codecs/run.js'
import { diffRuns } from '../../src/streams/diff-runs.js'
import { RunTracker } from '../../src/streams/run-tracker.js'
import { toLiveEvents } from '../../src/streams/to-live-events.js'

const run = (id: string, fields: Partial<Run> = {}): Run =>
  ({
    id,
    path: `e/p/${id}`,
    state: 'running',
    heartbeatAt: new Date(1000),
    summary: {},
    ...fields,
  }) as Run

describe('diffRuns', () => {
  const a = run('a', { summary: { loss: 1 } })
  const b = run('b')
  const before = new Map([a, b].map((r) => [r.path, r]))
  it.each<[string, Run[], [string, string][]]>([
    ['nothing moved', [run('a', { summary: { loss: 1 } }), run('b')], []],
    ['a heartbeat', [run('a', { summary: { loss: 1 }, heartbeatAt: new Date(2000) }), b], [['changed', 'a']]],
    ['a state', [a, run('b', { state: 'finished' })], [['changed', 'b']]],
    ['a summary value (NaN-safe)', [run('a', { summary: { loss: NaN } }), b], [['changed', 'a']]],
    [
      'added and removed',
      [run('c'), a],
      [
        ['added', 'c'],
        ['removed', 'b'],
      ],
    ],
    [
      'all gone',
      [],
      [
        ['removed', 'a'],
        ['removed', 'b'],
      ],
    ],
  ])('%s', (_name, current, expected) => {
    expect(diffRuns(before, current).map((e) => [e.type, 'run' in e ? e.run.id : ''])).toEqual(expected)
  })
})

describe('toLiveEvents', () => {
  it('emits a snapshot first, then differences between listings', async () => {
    const listings = [[run('a')], [run('a'), run('b')], [run('b', { state: 'finished' })]]
    const events = await lastValueFrom(from(listings).pipe(toLiveEvents(), toArray()))
    expect(
      events.map((e) => (e.type === 'snapshot' ? `snapshot:${e.runs.length}` : `${e.type}:${e.run.id}`)),
    ).toEqual(['snapshot:1', 'added:b', 'changed:b', 'removed:a'])
  })
})

describe('RunTracker', () => {
  const status = (fields: Record<string, unknown>) => ({
    state: 'running',
    summaryMetrics: {},
    historyKeys: null,
    ...fields,
  })
  it('reports summary keys changed and removed, heartbeats and state transitions', () => {
    const tracker = new RunTracker({ entity: 'e', project: 'p', id: 'r' }, 0)
    const first = tracker.observe(status({ summaryMetrics: { a: 1, b: 2 }, heartbeatAt: new Date(5) }))
    expect(first.map((e) => e.type)).toEqual(['summary', 'heartbeat', 'state'])
    expect(first[2]).toEqual({ type: 'state', from: null, to: 'running' })
    expect(tracker.observe(status({ summaryMetrics: { a: 1, b: 2 }, heartbeatAt: new Date(5) }))).toEqual([])
    const next = tracker.observe(
      status({ state: 'finished', summaryMetrics: { a: 3 }, heartbeatAt: new Date(6) }),
    )
    expect(next).toEqual([
      { type: 'summary', changed: { a: 3 }, removed: ['b'], summary: { a: 3 } },
      { type: 'heartbeat', at: new Date(6) },
      { type: 'state', from: 'running', to: 'finished' },
    ])
    expect(tracker.terminal).toBe(true)
  })

  it('asks for row windows from the next unseen step up to lastStep, never twice', () => {
    const tracker = new RunTracker({ entity: 'e', project: 'p', id: 'r' }, 0)
    expect(tracker.window(10)).toBeUndefined()
    tracker.observe(status({ historyKeys: { lastStep: 24 } }))
    const w1 = tracker.window(10)
    expect(w1).toEqual({ minStep: 0, maxStep: 10 })
    tracker.accept(w1!, [])
    expect(tracker.window(10)).toEqual({ minStep: 10, maxStep: 20 })
    tracker.accept({ minStep: 10, maxStep: 20 }, [{ _step: 12 }])
    expect(tracker.window(10)).toEqual({ minStep: 20, maxStep: 25 })
    tracker.accept({ minStep: 20, maxStep: 25 }, [])
    expect(tracker.window(10)).toBeUndefined()
  })

  it("fromStep 'now' skips the rows logged before the first poll", () => {
    const tracker = new RunTracker({ entity: 'e', project: 'p', id: 'r' }, 'now')
    tracker.observe(status({ historyKeys: { lastStep: 99 } }))
    expect(tracker.window(10)).toBeUndefined()
    tracker.observe(status({ historyKeys: { lastStep: 103 } }))
    expect(tracker.window(10)).toEqual({ minStep: 100, maxStep: 104 })
  })
})

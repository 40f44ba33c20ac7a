import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runPipeline } from '../../src/compiler/run-pipeline.js'
import type { AnyStage } from '../../src/dsl/types/pipeline.js'
import { createAggregateState } from '../../src/streams/aggregate-state.js'
import { groupPartition } from '../../src/streams/group-partition.js'

/**
 * The incremental live state must always equal a full recomputation over the current documents
 * (changed documents keep their position, added ones go last): random batches of upserts and
 * removals, for pipelines whose first stage groups (incremental) and for others (whole).
 */
const PIPELINES: Record<string, readonly AnyStage[]> = {
  'group with order-sensitive accumulators': [
    {
      $group: {
        _id: '$config.opt',
        n: { $count: {} },
        ids: { $push: '$id' },
        first: { $first: '$summary.loss' },
        best: { $min: '$summary.loss' },
      },
    },
  ],
  'group on a compound key, then $match and $sort': [
    {
      $group: {
        _id: { opt: '$config.opt', lr: '$config.lr' },
        mean: { $avg: '$summary.loss' },
        n: { $sum: 1 },
      },
    },
    { $match: { n: { $gte: 2 } } },
    { $sort: { mean: 1, n: -1 } },
  ],
  'bucket with a default': [
    {
      $bucket: {
        groupBy: '$summary.loss',
        boundaries: [0, 1, 2, 5],
        default: 'other',
        output: { ids: { $push: '$id' } },
      },
    },
  ],
  sortByCount: [{ $sortByCount: '$config.opt' }, { $limit: 2 }],
  'a pass-through first stage (whole recompute)': [
    { $sort: { 'summary.loss': -1, id: 1 } },
    { $limit: 3 },
    { $project: { _id: 0, id: 1 } },
  ],
}

const doc = fc.record({
  opt: fc.option(fc.constantFrom('adam', 'sgd', 'rmsprop'), { nil: undefined }),
  lr: fc.constantFrom(0.1, 0.01),
  loss: fc.oneof(fc.constantFrom(0, 1, 2, 5, NaN, -1), fc.double({ min: 0, max: 6, noNaN: true })),
})
const op = fc.oneof(
  fc.record({ type: fc.constant('upsert' as const), key: fc.integer({ min: 0, max: 9 }), doc }),
  fc.record({ type: fc.constant('remove' as const), key: fc.integer({ min: 0, max: 9 }) }),
  fc.record({
    type: fc.constant('reset' as const),
    keys: fc.uniqueArray(fc.integer({ min: 0, max: 9 })),
    doc,
  }),
)

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never
const toDoc = (key: number, d: { opt?: string | undefined; lr: number; loss: number }) => ({
  id: `r${key}`,
  config: d.opt === undefined ? { lr: d.lr } : { opt: d.opt, lr: d.lr },
  summary: { loss: d.loss },
})

describe('createAggregateState (property)', () => {
  it.each(Object.entries(PIPELINES))(
    '%s: incremental results equal a full recomputation',
    (_name, pipeline) => {
      fc.assert(
        fc.property(
          fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
          (batches: Op[][]) => {
            const state = createAggregateState<unknown>(pipeline)
            const current = new Map<string, object>()
            state.reset([])
            for (const batch of batches) {
              for (const change of batch) {
                if (change.type === 'reset') {
                  current.clear()
                  change.keys.forEach((key) => current.set(`r${key}`, toDoc(key, change.doc)))
                  state.reset(current)
                } else if (change.type === 'upsert') {
                  const value = toDoc(change.key, change.doc)
                  current.set(value.id, value)
                  state.upsert(value.id, value)
                } else {
                  current.delete(`r${change.key}`)
                  state.remove(`r${change.key}`)
                }
              }
              expect(state.result()).toEqual(runPipeline([...current.values()], pipeline))
            }
          },
        ),
        { numRuns: 150 },
      )
    },
  )

  it('groups only the pipelines whose first stage groups', () => {
    expect(groupPartition(PIPELINES['sortByCount']!)?.rest).toEqual([{ $sort: { count: -1 } }, { $limit: 2 }])
    expect(groupPartition(PIPELINES['a pass-through first stage (whole recompute)']!)).toBeUndefined()
  })

  it('recomputes only the groups a change touched', () => {
    const pipeline: AnyStage[] = [{ $group: { _id: '$config.opt', ids: { $push: '$id' } } }]
    const state = createAggregateState<{ _id: string; ids: string[] }>(pipeline)
    const docs = ['adam', 'sgd', 'adam', 'rmsprop'].map((opt, i) => ({ id: `r${i}`, config: { opt } }))
    state.reset(docs.map((d) => [d.id, d]))
    expect(state.result().map((g) => g._id)).toEqual(['adam', 'sgd', 'rmsprop'])
    const before = state.result()
    // r1 moves from sgd to adam: sgd empties and disappears; rmsprop's result is the same object (not recomputed).
    state.upsert('r1', { id: 'r1', config: { opt: 'adam' } })
    const after = state.result()
    expect(after).toEqual([
      { _id: 'adam', ids: ['r0', 'r1', 'r2'] },
      { _id: 'rmsprop', ids: ['r3'] },
    ])
    expect(after[1]).toBe(before[2])
    expect(after[0]).not.toBe(before[0])
    // An unchanged result() recomputes nothing.
    expect(state.result()[0]).toBe(after[0])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Run } from '../../src/codecs/run.js'
import { aggregateRuns } from '../../src/compiler/aggregate-runs.js'
import { makeRun } from '../../src/testing/make-run.js'

/**
 * Every aggregation result is checked against a straightforward reference computation on random
 * runs: missing values, NaN, strings and nulls among the numbers, values on bucket boundaries.
 * The references spell out the documented semantics (MongoDB's, with NaN skipped by numeric
 * accumulators).
 */
const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const
const BOUNDARIES = [0, 0.5, 1, 2, 10] as const
const loss = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -2, max: 12, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(...BOUNDARIES, -0, 3) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, null, 'n/a', undefined) },
)
const runsArb: fc.Arbitrary<Run[]> = fc
  .array(
    fc.record({
      optimizer: fc.option(fc.constantFrom(...OPTIMIZERS), { nil: undefined }),
      lr: fc.option(fc.constantFrom(0.001, 0.01, 0.1, 1), { nil: undefined }),
      loss,
      createdAt: fc.date({ min: new Date('2023-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map(({ optimizer, lr, loss, createdAt }, i) =>
      makeRun({
        id: `r${String(i).padStart(2, '0')}`,
        createdAt,
        config: { ...(optimizer === undefined ? {} : { optimizer }), ...(lr === undefined ? {} : { lr }) },
        summary: loss === undefined ? {} : { loss },
      }),
    ),
  )

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v)
const lossOf = (run: Run) => run.summary['loss']
// BSON order for the values generated here: numbers before strings.
const bson = (a: unknown, b: unknown) =>
  typeof a === typeof b ? (a! < b! ? -1 : a! > b! ? 1 : 0) : typeof a === 'number' ? -1 : 1

function groupsOf<K>(runs: readonly Run[], key: (run: Run) => K): Map<K, Run[]> {
  const groups = new Map<K, Run[]>()
  for (const run of runs) groups.set(key(run), [...(groups.get(key(run)) ?? []), run])
  return groups
}

function stats(values: readonly unknown[]) {
  const xs = values.filter(isNumber)
  const sum = xs.reduce((a, b) => a + b, 0)
  const mean = xs.length === 0 ? null : sum / xs.length
  const sorted = [...xs].sort((a, b) => a - b)
  const ordered = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v)).sort(bson)
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null
  const interpolate = (p: number) => {
    if (sorted.length === 0) return null
    const at = p * (sorted.length - 1)
    const lo = Math.floor(at)
    return sorted[lo]! + (at - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!)
  }
  return {
    count: values.length,
    sum,
    avg: mean,
    min: ordered[0] ?? null,
    max: ordered[ordered.length - 1] ?? null,
    std: mean === null ? null : Math.sqrt(xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / xs.length),
    median: rank(0.5),
    p90: interpolate(0.9),
  }
}

const close = (actual: unknown, expected: unknown) =>
  typeof expected === 'number' ? expect(actual).toBeCloseTo(expected, 9) : expect(actual).toEqual(expected)

describe('aggregateRuns against reference computations (property)', () => {
  it('$group by a config field: count, sum, avg, min, max, stdDevPop, median, percentile', () => {
    fc.assert(
      fc.property(runsArb, (runs) => {
        const result = aggregateRuns(runs, [
          {
            $group: {
              _id: '$config.optimizer',
              count: { $count: {} },
              sum: { $sum: '$summary.loss' },
              avg: { $avg: '$summary.loss' },
              min: { $min: '$summary.loss' },
              max: { $max: '$summary.loss' },
              std: { $stdDevPop: '$summary.loss' },
              median: { $median: { input: '$summary.loss', method: 'approximate' } },
              p: { $percentile: { input: '$summary.loss', p: [0.9], method: 'exact' } },
              ids: { $push: '$id' },
            },
          },
        ])
        const groups = groupsOf(runs, (run) => (run.config['optimizer'] as string | undefined) ?? null)
        expect(result.map((doc) => doc['_id'])).toEqual([...groups.keys()])
        for (const [doc, members] of result.map((doc, i) => [doc, [...groups.values()][i]!] as const)) {
          const want = stats(members.map(lossOf))
          expect(doc['ids']).toEqual(members.map((run) => run.id))
          for (const key of ['count', 'sum', 'avg', 'min', 'max', 'std', 'median'] as const)
            close(doc[key], want[key])
          close((doc['p'] as unknown[])[0], want.p90)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('$group by year of a Date, with Date accumulators', () => {
    fc.assert(
      fc.property(runsArb, (runs) => {
        const result = aggregateRuns(runs, [
          {
            $group: {
              _id: { $year: '$createdAt' },
              first: { $min: '$createdAt' },
              last: { $max: '$createdAt' },
            },
          },
          { $sort: { _id: 1 } },
        ])
        const groups = [...groupsOf(runs, (run) => run.createdAt.getUTCFullYear())].sort(([a], [b]) => a - b)
        expect(result).toEqual(
          groups.map(([year, members]) => {
            const times = members.map((run) => run.createdAt.getTime())
            return { _id: year, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) }
          }),
        )
      }),
      { numRuns: 100 },
    )
  })

  it('$bucket: lower boundary inclusive, empty buckets omitted, default last', () => {
    fc.assert(
      fc.property(runsArb, (runs) => {
        const result = aggregateRuns(runs, [
          {
            $bucket: {
              groupBy: '$summary.loss',
              boundaries: [...BOUNDARIES],
              default: 'other',
              output: { n: { $sum: 1 }, ids: { $push: '$id' } },
            },
          },
        ])
        const bucketOf = (run: Run) => {
          const v = lossOf(run)
          if (!isNumber(v)) return -1
          return BOUNDARIES.findIndex(
            (low, i) => i + 1 < BOUNDARIES.length && v >= low && v < BOUNDARIES[i + 1]!,
          )
        }
        const expected = [...BOUNDARIES.slice(0, -1).map((_, i) => i), -1].flatMap((i) => {
          const members = runs.filter((run) => bucketOf(run) === i)
          if (members.length === 0) return []
          return [
            { _id: i === -1 ? 'other' : BOUNDARIES[i], n: members.length, ids: members.map((r) => r.id) },
          ]
        })
        expect(result).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('$sort + $limit, then $project with expressions', () => {
    fc.assert(
      fc.property(runsArb, fc.integer({ min: 1, max: 30 }), (runs, k) => {
        const result = aggregateRuns(runs, [
          { $sort: { createdAt: -1, id: 1 } },
          { $limit: k },
          {
            $project: {
              _id: 0,
              id: 1,
              lr10: { $multiply: ['$config.lr', 10] },
              opt: { $ifNull: ['$config.optimizer', 'none'] },
            },
          },
        ])
        const expected = [...runs]
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1))
          .slice(0, k)
          .map((run) => {
            const lr = run.config['lr'] as number | undefined
            return {
              id: run.id,
              lr10: lr === undefined ? null : lr * 10,
              opt: run.config['optimizer'] ?? 'none',
            }
          })
        expect(result).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('$sort puts missing, null, NaN, numbers, strings in that order, stably', () => {
    const rank = (v: unknown) =>
      v === undefined ? 0 : v === null ? 1 : typeof v === 'string' ? 4 : Number.isNaN(v) ? 2 : 3
    const order = (a: unknown, b: unknown) =>
      rank(a) - rank(b) || (rank(a) >= 3 ? (a! < b! ? -1 : a! > b! ? 1 : 0) : 0)
    fc.assert(
      fc.property(runsArb, fc.constantFrom(1, -1), (runs, direction) => {
        const ids = aggregateRuns(runs, [{ $sort: { 'summary.loss': direction } }]).map((d) => d['id'])
        const expected = runs
          .map((run, i) => ({ run, i }))
          .sort((x, y) => direction * order(lossOf(x.run), lossOf(y.run)) || x.i - y.i)
          .map(({ run }) => run.id)
        expect(ids).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('$sortByCount, and later $match stages (NaN-safe, Dates compared as Dates)', () => {
    fc.assert(
      fc.property(runsArb, (runs) => {
        const counted = aggregateRuns(runs, [{ $sortByCount: '$config.lr' }])
        const groups = groupsOf(runs, (run) => (run.config['lr'] as number | undefined) ?? null)
        expect([...counted.map((d) => d['count'])]).toEqual(
          [...groups.values()].map((g) => g.length).sort((a, b) => b - a),
        )
        for (const doc of counted) expect(groups.get(doc['_id'] as number | null)?.length).toBe(doc['count'])

        const low = aggregateRuns(runs, [
          { $project: { _id: 0, id: 1, loss: '$summary.loss' } },
          { $match: { loss: { $lte: 1 } } },
        ])
        expect(low.map((d) => d['id'])).toEqual(
          runs.filter((run) => isNumber(lossOf(run)) && (lossOf(run) as number) <= 1).map((run) => run.id),
        )

        const pivot = new Date('2024-06-01')
        const recent = aggregateRuns(runs, [
          { $project: { _id: 0, id: 1, at: '$createdAt' } },
          { $match: { at: { $gte: pivot } } },
        ])
        expect(recent).toEqual(
          runs.filter((run) => run.createdAt >= pivot).map((run) => ({ id: run.id, at: run.createdAt })),
        )
      }),
      { numRuns: 200 },
    )
  })

  it('never modifies the runs it reads', () => {
    fc.assert(
      fc.property(runsArb, (runs) => {
        const before = structuredClone(runs)
        const same = [...runs]
        aggregateRuns(runs, [
          { $addFields: { 'summary.x': 1 } },
          { $unwind: '$tags' },
          { $project: { config: 0 } },
        ])
        // Read-only pipelines skip the clone: they must not reorder or touch the caller's array either.
        aggregateRuns(runs, [
          { $sort: { createdAt: -1 } },
          { $group: { _id: null, all: { $push: '$$ROOT' } } },
        ])
        expect(runs).toEqual(before)
        runs.forEach((run, i) => expect(run).toBe(same[i]))
      }),
      { numRuns: 50 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HistoryRow } from '../../src/codecs/history-row-codec.js'
import type { CurveSet } from '../../src/curves/curve-set.js'
import { groupCurves } from '../../src/curves/group-curves.js'
import { makeRun } from '../../src/testing/make-run.js'

/** A run: its group value (or none), then rows on its own step grid. */
interface RandomRun {
  readonly opt: string | undefined
  readonly start: number
  readonly stride: number
  readonly values: readonly unknown[]
}

const MISSING = Symbol('missing')
const valueArb = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 'x', null, true, MISSING) },
)
const runArb: fc.Arbitrary<RandomRun> = fc.record({
  opt: fc.constantFrom('adam', 'sgd', 'rmsprop', undefined),
  start: fc.integer({ min: 0, max: 60 }),
  stride: fc.integer({ min: 1, max: 7 }),
  values: fc.array(valueArb, { maxLength: 40 }),
})

/** The rows of a random run; `_runtime` is a non-integer x, sometimes missing or NaN. */
const rowsOf = (r: RandomRun, seed: number): HistoryRow[] =>
  r.values.map((value, i) => {
    const step = r.start + i * r.stride
    const row: Record<string, unknown> = { _step: step }
    if ((i + seed) % 23 !== 4) row['_runtime'] = (i + seed) % 29 === 6 ? NaN : step * 0.37 + seed / 7
    if (value !== MISSING) row['loss'] = value
    return row as HistoryRow
  })

const usable = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/**
 * The reference: the definition in groupCurves' doc comment, written out naively. Buckets are
 * found by their bounds (x0 ≤ x < x1, the last float bucket closed), not by division.
 */
function naiveCurves(
  runs: readonly { id: string; opt: string | undefined; rows: HistoryRow[] }[],
  x: string,
  buckets: number,
) {
  const points = runs.map((run) => run.rows.filter((row) => usable(row[x]) && usable(row['loss'])))
  const xs = points.flat().map((row) => row[x] as number)
  const min = Math.min(...xs)
  const max = Math.max(...xs)
  const integers = xs.every(Number.isInteger)
  const bounds: [number, number][] = []
  if (xs.length > 0) {
    if (integers) {
      const w = Math.ceil((max - min + 1) / buckets)
      for (let lo = min; lo <= max; lo += w) bounds.push([lo, lo + w])
    } else if (min === max) bounds.push([min, min])
    else {
      const w = (max - min) / buckets
      for (let i = 0; i < buckets; i++)
        bounds.push([min + i * w, i === buckets - 1 ? max : min + (i + 1) * w])
    }
  }
  const inBucket = (v: number, i: number) => {
    const [lo, hi] = bounds[i] as [number, number]
    const last = i === bounds.length - 1
    return v >= lo && (v < hi || (last && !integers && v <= hi))
  }
  const labels = [...new Set(runs.map((r) => r.opt ?? '(none)'))].sort()
  return labels.map((label) => {
    const members = runs
      .map((r, i) => ({ r, pts: points[i] ?? [] }))
      .filter(({ r }) => (r.opt ?? '(none)') === label)
    const curve = bounds.flatMap((_, b) => {
      const perRun = members
        .map(({ pts }) =>
          pts.filter((row) => inBucket(row[x] as number, b)).map((row) => row['loss'] as number),
        )
        .filter((vs) => vs.length > 0)
        .map((vs) => vs.reduce((s, v) => s + v, 0) / vs.length)
      if (perRun.length === 0) return []
      const n = perRun.length
      const mean = perRun.reduce((s, v) => s + v, 0) / n
      const std = Math.sqrt(perRun.reduce((s, v) => s + (v - mean) ** 2, 0) / n)
      const [x0, x1] = bounds[b] as [number, number]
      return [
        {
          x0,
          x1,
          mean,
          min: Math.min(...perRun),
          max: Math.max(...perRun),
          std,
          stderr: std / Math.sqrt(n),
          count: n,
        },
      ]
    })
    const skipped = members.reduce((s, { r, pts }) => s + r.rows.length - pts.length, 0)
    return { label, runIds: members.map(({ r }) => r.id), curve, skipped }
  })
}

const close = (actual: number, expected: number, scale: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale))

function checkAgainstReference(
  set: CurveSet,
  runs: Parameters<typeof naiveCurves>[0],
  x: string,
  buckets: number,
) {
  const expected = naiveCurves(runs, x, buckets)
  expect(set.groups.map((g) => g.label)).toEqual(expected.map((g) => g.label))
  set.groups.forEach((group, i) => {
    const want = expected[i] as (typeof expected)[number]
    expect(group.runIds).toEqual(want.runIds)
    expect(group.skipped).toBe(want.skipped)
    expect(group.id).toEqual({ 'config.opt': want.label === '(none)' ? null : want.label })
    expect(group.points.map((p) => [p.x0, p.x1, p.count])).toEqual(
      want.curve.map((p) => [p.x0, p.x1, p.count]),
    )
    group.points.forEach((p, j) => {
      const q = want.curve[j] as (typeof want.curve)[number]
      const scale = Math.max(Math.abs(q.min), Math.abs(q.max))
      for (const k of ['mean', 'min', 'max', 'std', 'stderr'] as const) close(p[k], q[k], scale)
      expect(p.min).toBeLessThanOrEqual(p.mean)
      expect(p.mean).toBeLessThanOrEqual(p.max)
      expect(p.x).toBeGreaterThanOrEqual(p.x0)
      expect(p.x).toBeLessThanOrEqual(p.x1)
      if (j > 0) expect(p.x).toBeGreaterThan((group.points[j - 1] as typeof p).x)
    })
  })
}

describe('groupCurves = the naive definition (property)', () => {
  it.each(['_step', '_runtime'])('over random runs, step grids, NaNs and missing values, x = %s', (x) =>
    fc.assert(
      fc.property(
        fc.array(runArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 30 }),
        (random, buckets) => {
          const runs = random.map((r, i) => ({ id: `r${i}`, opt: r.opt, rows: rowsOf(r, i) }))
          const series = runs.map((r) => ({
            run: makeRun({ id: r.id, config: r.opt === undefined ? {} : { opt: r.opt } }),
            rows: r.rows,
          }))
          checkAgainstReference(
            groupCurves(series, { key: 'loss', x, groupBy: 'config.opt', buckets }),
            runs,
            x,
            buckets,
          )
        },
      ),
      { numRuns: 300 },
    ),
  )

  it('gives each step its own bucket when distinct steps fit, whatever the grids', () =>
    fc.assert(
      fc.property(fc.array(runArb, { minLength: 1, maxLength: 5 }), (random) => {
        const series = random.map((r, i) => ({ run: makeRun({ id: `r${i}` }), rows: rowsOf(r, i) }))
        const set = groupCurves(series, { key: 'loss', buckets: 400 }) // steps span < 60 + 40·7 = 340
        for (const p of set.groups[0]?.points ?? []) expect([p.x, p.x1 - p.x0]).toEqual([p.x0, 1])
      }),
      { numRuns: 100 },
    ))
})

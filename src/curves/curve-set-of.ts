import type { Run } from '../codecs/run.js'
import { curveBuckets, type CurveBuckets } from './curve-buckets.js'
import { curveGroupKey } from './curve-group-key.js'
import type { CurveGroup, CurvePoint, CurveSet } from './curve-set.js'
import type { ParsedGroupCurves } from './parse-curve-options.js'
import type { RunPoints } from './run-points.js'
import { spread } from './spread.js'

/** A run with its points, the unit {@link curveSetOf} groups. @internal */
export interface RunCurve {
  readonly run: Run
  readonly points: RunPoints
}

interface Group {
  readonly id: Readonly<Record<string, unknown>>
  readonly label: string
  readonly key: string
  readonly runs: RunCurve[]
}

const collator = new Intl.Collator('en', { numeric: true })

/** Each run's mean per bucket, collected per bucket (by index) across the group's runs. */
function bucketValues(runs: readonly RunCurve[], buckets: CurveBuckets): (number[] | undefined)[] {
  const perBucket: (number[] | undefined)[] = new Array<number[] | undefined>(buckets.count)
  // Typed scratch arrays reused run after run; only the buckets a run touched are read and reset.
  const sums = new Float64Array(buckets.count)
  const counts = new Uint32Array(buckets.count)
  const touched: number[] = []
  for (const { points } of runs) {
    const { xs, ys } = points
    for (let i = 0; i < xs.length; i++) {
      const b = buckets.index(xs[i] as number)
      const n = counts[b] as number
      if (n === 0) touched.push(b)
      counts[b] = n + 1
      sums[b] = (sums[b] as number) + (ys[i] as number)
    }
    for (const b of touched) {
      const mean = (sums[b] as number) / (counts[b] as number)
      ;(perBucket[b] ??= []).push(mean)
      sums[b] = 0
      counts[b] = 0
    }
    touched.length = 0
  }
  return perBucket
}

function curveOf(group: Group, buckets: CurveBuckets | undefined): CurveGroup {
  const points: CurvePoint[] = []
  if (buckets)
    bucketValues(group.runs, buckets).forEach((values, b) => {
      if (values) points.push(Object.freeze({ ...buckets.bounds(b), ...spread(values) }))
    })
  return Object.freeze({
    id: group.id,
    label: group.label,
    runIds: Object.freeze(group.runs.map((r) => r.run.id)),
    points: Object.freeze(points),
    skipped: group.runs.reduce((n, r) => n + r.points.skipped, 0),
  })
}

/** The shared buckets over every run's x range, or undefined when no run has a point. */
function sharedBuckets(runs: readonly RunCurve[], count: number): CurveBuckets | undefined {
  let min = Infinity
  let max = -Infinity
  let integers = true
  for (const { points } of runs)
    for (const x of points.xs) {
      if (x < min) min = x
      if (x > max) max = x
      if (integers && !Number.isInteger(x)) integers = false
    }
  return min <= max ? curveBuckets(min, max, count, integers) : undefined
}

/**
 * The grouped curves of runs whose points are already extracted: the engine of
 * {@link groupCurves} and `query.curves()` (which keeps points, not rows, between polls).
 *
 * @example
 * ```ts
 * curveSetOf([{ run, points: addRunPoints({ xs: [], ys: [], skipped: 0 }, rows, 'loss', '_step') }], parsed)
 * ```
 *
 * @internal
 */
export function curveSetOf(runs: readonly RunCurve[], options: ParsedGroupCurves): CurveSet {
  const groups = new Map<string, Group>()
  for (const curve of runs) {
    const { key, id, label } = curveGroupKey(curve.run, options.groupBy, options.paths)
    const group = groups.get(key)
    if (group) group.runs.push(curve)
    else groups.set(key, { key, id, label, runs: [curve] })
  }
  const buckets = sharedBuckets(runs, options.buckets)
  const sorted = [...groups.values()].sort(
    (a, b) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
  return Object.freeze({
    key: options.key,
    x: options.x,
    groupBy: options.groupBy,
    groups: Object.freeze(sorted.map((group) => curveOf(group, buckets))),
  })
}

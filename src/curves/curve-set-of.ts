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

/** Each run's mean per bucket, collected per bucket across the group's runs. */
function bucketValues(runs: readonly RunCurve[], buckets: CurveBuckets): Map<number, number[]> {
  const perBucket = new Map<number, number[]>()
  const sums = new Map<number, { sum: number; n: number }>()
  for (const { points } of runs) {
    sums.clear()
    points.xs.forEach((x, i) => {
      const b = buckets.index(x)
      const acc = sums.get(b)
      if (acc) {
        acc.sum += points.ys[i] as number
        acc.n++
      } else sums.set(b, { sum: points.ys[i] as number, n: 1 })
    })
    for (const [b, { sum, n }] of sums) {
      const list = perBucket.get(b)
      if (list) list.push(sum / n)
      else perBucket.set(b, [sum / n])
    }
  }
  return perBucket
}

function curveOf(group: Group, buckets: CurveBuckets | undefined): CurveGroup {
  const points: CurvePoint[] = []
  if (buckets)
    for (const [b, values] of [...bucketValues(group.runs, buckets)].sort(([a], [c]) => a - c))
      points.push(Object.freeze({ ...buckets.bounds(b), ...spread(values) }))
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

import { parseFieldPath } from '../dsl/parsers/field-path-parser.js'
import { FieldPathNode } from '../dsl/nodes/field-path-node.js'
import type { CurveOptions, GroupCurvesOptions } from '../dsl/types/curve-options.js'
import { FilterCompileError } from '../errors/filter-compile-error.js'

/** Validated grouping options, defaults filled in. @internal */
export interface ParsedGroupCurves {
  readonly key: string
  readonly x: string
  /** The `groupBy` paths as given, and parsed. */
  readonly groupBy: readonly string[]
  readonly paths: readonly FieldPathNode[]
  readonly buckets: number
}

/** Validated `query.curves()` options. @internal */
export interface ParsedCurveOptions extends ParsedGroupCurves {
  readonly source: 'sampled' | 'full'
  readonly samples: number
  /** The runs poll interval, or undefined when not live. */
  readonly liveIntervalMs: number | undefined
}

const MAX_BUCKETS = 100_000
/** Run fields the light (lazy) fragment leaves out. */
const HEAVY_ROOTS = new Set(['config', 'summary', 'systemMetrics'])
const DEFAULT_LIVE_INTERVAL_MS = 5000

const nonEmpty = (value: unknown, at: string): string => {
  if (typeof value !== 'string' || value === '')
    throw new FilterCompileError(at, `expected a non-empty string, got ${JSON.stringify(value)}`)
  return value
}

const integer = (value: unknown, at: string, fallback: number, max: number): number => {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    throw new FilterCompileError(at, `expected an integer from 1 to ${max}, got ${String(value)}`)
  return value
}

/**
 * Validates {@link GroupCurvesOptions}: `key` and `x` non-empty, every `groupBy` entry a Run path
 * (as filters name them), `buckets` an integer from 1 to 100 000. A bad option throws
 * `FilterCompileError` whose `path` names it (`key`, `groupBy.1`, `buckets`).
 *
 * @example
 * ```ts
 * parseGroupCurvesOptions({ key: 'loss', groupBy: 'config.optimizer' }).buckets // 100
 * parseGroupCurvesOptions({ key: 'loss', groupBy: 'summary_metrics.x' }) // throws FilterCompileError at groupBy
 * ```
 */
export function parseGroupCurvesOptions(options: GroupCurvesOptions): ParsedGroupCurves {
  if (typeof options !== 'object' || options === null)
    throw new FilterCompileError('', 'curve options must be an object such as { key: "loss" }')
  const key = nonEmpty(options.key, 'key')
  const x = options.x === undefined ? '_step' : nonEmpty(options.x, 'x')
  const given = options.groupBy
  const list: readonly unknown[] = given === undefined ? [] : typeof given === 'string' ? [given] : given
  if (!Array.isArray(list))
    throw new FilterCompileError('groupBy', 'expected a Run path or an array of Run paths')
  const at = (i: number) => (typeof given === 'string' ? 'groupBy' : `groupBy.${i}`)
  const groupBy = list.map((path, i) => nonEmpty(path, at(i)))
  const paths = groupBy.map((path, i) => parseFieldPath(path, at(i)))
  const buckets = integer(options.buckets, 'buckets', 100, MAX_BUCKETS)
  return Object.freeze({ key, x, groupBy: Object.freeze(groupBy), paths: Object.freeze(paths), buckets })
}

/**
 * Validates `query.curves()` options: those of {@link parseGroupCurvesOptions}, plus `source`
 * (`'sampled'` or `'full'`), `samples` (an integer from 1 to 100 000, default 1000) and `live`
 * (`true`, or `{ intervalMs }` with `intervalMs ≥ 0`). For a `lazy()` query, `groupBy` may not
 * name config, summary or system metrics (the light fragment has none).
 *
 * @example
 * ```ts
 * parseCurveOptions({ key: 'loss', live: true }).liveIntervalMs // 5000
 * parseCurveOptions({ key: 'loss', source: 'all' }) // throws FilterCompileError at source
 * ```
 */
export function parseCurveOptions(options: CurveOptions, lazy = false): ParsedCurveOptions {
  const grouping = parseGroupCurvesOptions(options)
  // A lazy query fetches runs without config, summary and system metrics: every run would
  // silently land in the '(none)' group.
  const heavy = lazy ? grouping.paths.findIndex((p) => HEAVY_ROOTS.has(FieldPathNode.root(p))) : -1
  if (heavy >= 0)
    throw new FilterCompileError(
      typeof options.groupBy === 'string' ? 'groupBy' : `groupBy.${heavy}`,
      `${grouping.groupBy[heavy]} is not fetched by a lazy() query: drop lazy() (or select('full'))`,
    )
  const { source = 'sampled', live } = options
  if (source !== 'sampled' && source !== 'full')
    throw new FilterCompileError('source', `expected 'sampled' or 'full', got ${JSON.stringify(source)}`)
  const samples = integer(options.samples, 'samples', 1000, 100_000)
  let liveIntervalMs: number | undefined
  if (live === true) liveIntervalMs = DEFAULT_LIVE_INTERVAL_MS
  else if (typeof live === 'object' && live !== null) {
    liveIntervalMs = live.intervalMs ?? DEFAULT_LIVE_INTERVAL_MS
    if (typeof liveIntervalMs !== 'number' || !(liveIntervalMs >= 0) || !Number.isFinite(liveIntervalMs))
      throw new FilterCompileError('live.intervalMs', `expected a number ≥ 0, got ${String(liveIntervalMs)}`)
  } else if (live !== undefined && live !== false)
    throw new FilterCompileError('live', 'expected a boolean or { intervalMs }')
  return Object.freeze({ ...grouping, source, samples, liveIntervalMs })
}

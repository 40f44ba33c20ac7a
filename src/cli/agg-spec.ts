import { UsageError } from './usage-error.js'

/** The functions `--agg` knows; `pN` (p1 … p99) are percentiles besides these. */
export const AGG_FUNCTIONS = [
  'count',
  'sum',
  'avg',
  'mean',
  'min',
  'max',
  'std',
  'stdSamp',
  'median',
  'first',
  'last',
] as const

/** One `name=fn(path)` of an `--agg` spec; `path` is a `Run` path (absent for `count()`). */
export interface AggField {
  readonly name: string
  readonly fn: (typeof AGG_FUNCTIONS)[number] | `p${number}`
  readonly path?: string
}

const ITEM = /^([A-Za-z][\w]*)\s*=\s*([A-Za-z]\w*)\s*\(\s*(.*?)\s*\)$/
const PATH = /^[^\s$.,()=][^\s,()=]*$/

/**
 * True for a `Run` path such as `summary.loss` or `config.opt.name`: dotted, no empty part,
 * no blanks or characters of the spec syntax.
 *
 * @example
 * ```ts
 * isRunPath('summary.eval/loss') // true
 * isRunPath('summary..loss')     // false
 * ```
 */
export const isRunPath = (text: string): boolean => PATH.test(text) && !text.split('.').includes('')

/**
 * Parses `--agg 'best=min(summary.loss),n=count()'` into fields, one per comma-separated
 * item. A malformed item is a {@link UsageError} (exit 2) quoting that item.
 *
 * @example
 * ```ts
 * parseAggSpec('best=min(summary.loss), n=count(), p90=p90(summary.loss)')
 * // Output: [{ name: 'best', fn: 'min', path: 'summary.loss' }, { name: 'n', fn: 'count' },
 * //          { name: 'p90', fn: 'p90', path: 'summary.loss' }]
 * ```
 */
export function parseAggSpec(spec: string): AggField[] {
  const items = spec.split(',').map((item) => item.trim())
  const fields = items.map(parseItem)
  const names = new Set<string>()
  for (const field of fields) {
    if (names.has(field.name)) throw bad(field.name, `the name ${field.name} is used twice`)
    names.add(field.name)
  }
  return fields
}

function parseItem(item: string): AggField {
  const match = ITEM.exec(item)
  if (!match) throw bad(item, 'expected name=fn(path), e.g. best=min(summary.loss) or n=count()')
  const [, name = '', fn = '', arg = ''] = match
  if (!isAggFunction(fn))
    throw bad(item, `unknown function ${fn} (expected ${AGG_FUNCTIONS.join(', ')} or p1…p99)`)
  if (fn === 'count') {
    if (arg !== '') throw bad(item, 'count() takes no path: it counts runs')
    return { name, fn }
  }
  const path = arg.replace(/^\$/, '')
  if (!isRunPath(path))
    throw bad(item, arg === '' ? `${fn}() needs a path, e.g. ${fn}(summary.loss)` : `bad path "${arg}"`)
  return { name, fn, path }
}

const isAggFunction = (fn: string): fn is AggField['fn'] =>
  (AGG_FUNCTIONS as readonly string[]).includes(fn) || percentileOf(fn) !== undefined

/** The percentile of `p1` … `p99` as a fraction (`p90` → 0.9), else undefined. */
export function percentileOf(fn: string): number | undefined {
  const match = /^p([1-9]\d?)$/.exec(fn)
  return match ? Number(match[1]) / 100 : undefined
}

const bad = (part: string, why: string) => new UsageError(`--agg: "${part}": ${why}`)

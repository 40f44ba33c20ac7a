import type { AnyStage } from '../dsl/types/pipeline.js'

// Stages whose output is built only from what their expressions read.
const RESHAPING = new Set(['$group', '$bucket', '$bucketAuto', '$sortByCount', '$count', '$project'])
// Operators that read the document without a `$path` string, or read it whole.
const OPAQUE = new Set(['$getField', '$$ROOT', '$$CURRENT'])

/** Adds the Run fields a value reads (`'$summary.loss'` → `summary`); false when it reads opaquely. */
function collect(value: unknown, into: Set<string>): boolean {
  if (typeof value === 'string') {
    if (value.startsWith('$$')) return !OPAQUE.has(value.split('.')[0]!)
    if (value.startsWith('$')) into.add(value.slice(1).split('.')[0]!)
    return true
  }
  if (Array.isArray(value)) return value.every((item) => collect(item, into))
  if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof RegExp)
    return true
  return Object.entries(value).every(([key, child]) => {
    if (OPAQUE.has(key)) return false
    // `$top`/`$bottom`/… sort by field names written without `$`.
    if (key === 'sortBy' && typeof child === 'object' && child !== null)
      Object.keys(child).forEach((field) => into.add(field.split('.')[0]!))
    return key === '$literal' || collect(child, into)
  })
}

/** The fields an inclusion `$project` reads: its kept keys and its expressions; null for an exclusion. */
function projectReads(spec: Readonly<Record<string, unknown>>, into: Set<string>): boolean {
  return Object.entries(spec).every(([key, value]) => {
    if (value === 0 || value === false) return key === '_id'
    const nested =
      typeof value === 'object' && value !== null && Object.keys(value).every((k) => !k.startsWith('$'))
    // `{ summary: 1 }` and `{ summary: { loss: 1 } }` keep (part of) the field itself.
    if (value === 1 || value === true || nested) into.add(key.split('.')[0]!)
    return collect(value, into)
  })
}

/**
 * The top-level Run fields a pipeline reads, when its first stage reshapes the runs (`$group`,
 * `$bucket`, `$bucketAuto`, `$sortByCount`, `$count`, an inclusion `$project`) and reads them only
 * through `$field` paths: the runtime keeps just these fields of each run while it collects them.
 * Null (keep whole runs) for anything else: pass-through first stages, `$$ROOT`, `$getField`.
 *
 * @example
 * ```ts
 * pipelineReads([{ $group: { _id: '$config.optimizer', loss: { $avg: '$summary.loss' } } }]) // ['config', 'summary']
 * pipelineReads([{ $sort: { createdAt: 1 } }]) // null
 * ```
 * @internal
 */
export function pipelineReads(stages: readonly AnyStage[]): readonly string[] | null {
  const first = stages[0]
  const name = first && Object.keys(first)[0]
  if (first === undefined || name === undefined || !RESHAPING.has(name)) return null
  const reads = new Set<string>()
  const spec = first[name as `$${string}`]
  const ok = name === '$project' ? projectReads(spec as Record<string, unknown>, reads) : collect(spec, reads)
  return ok ? Object.freeze([...reads].sort()) : null
}

import type { Db } from '../../store/open-database.js'
import { historyRows } from '../../store/lines.js'
import { downsample } from '../../util/downsample.js'
import { parseExtendedJson } from '../../util/extended-json.js'
import { userError } from '../errors.js'

/** One `sampledHistory` spec (a JSON string in the query). */
interface Spec {
  readonly keys: readonly string[] | null
  readonly samples: number
  readonly minStep: number | null
  readonly maxStep: number | null
}

const DEFAULT_SAMPLES = 500

function parseSpec(text: unknown): Spec {
  let spec: unknown
  try {
    spec = typeof text === 'string' ? JSON.parse(text) : text
  } catch {
    throw userError('sampledHistory spec is not valid JSON')
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec))
    throw userError('sampledHistory spec must be an object')
  const { keys, samples, minStep, maxStep } = spec as Record<string, unknown>
  if (
    keys !== undefined &&
    keys !== null &&
    !(Array.isArray(keys) && keys.every((k) => typeof k === 'string'))
  ) {
    throw userError('sampledHistory spec.keys must be an array of strings')
  }
  const int = (v: unknown, name: string): number | null => {
    if (v === undefined || v === null) return null
    if (!Number.isInteger(v)) throw userError(`sampledHistory spec.${name} must be an integer`)
    return v as number
  }
  return {
    keys: (keys as string[] | undefined) ?? null,
    samples: int(samples, 'samples') ?? DEFAULT_SAMPLES,
    minStep: int(minStep, 'minStep'),
    maxStep: int(maxStep, 'maxStep'),
  }
}

/** A row's value for `key`: the literal key first, else a dotted walk into nested objects. */
function lookup(row: Record<string, unknown>, key: string): { found: boolean; value?: unknown } {
  if (Object.hasOwn(row, key)) return { found: true, value: row[key] }
  let node: unknown = row
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return { found: false }
    node = (node as Record<string, unknown>)[part]
  }
  return { found: true, value: node }
}

/**
 * Rows with `minStep <= _step <= maxStep` (inclusive, as W&B's spec is) holding every key,
 * reduced to those keys and evenly down-sampled to `samples` (first and last row kept).
 * Rows are objects, so NaN values must be written as bare tokens by the response writer.
 */
export function sampledHistory(db: Db, runId: number, specText: unknown): Record<string, unknown>[] {
  const spec = parseSpec(specText)
  const maxExclusive = spec.maxStep === null ? null : spec.maxStep + 1
  const rows: Record<string, unknown>[] = []
  for (const line of historyRows(db, runId, spec.minStep, maxExclusive)) {
    const row = parseExtendedJson(line) as Record<string, unknown>
    if (!spec.keys) {
      rows.push(row)
      continue
    }
    const out: Record<string, unknown> = {}
    let complete = true
    for (const key of spec.keys) {
      const hit = lookup(row, key)
      if (!hit.found) {
        complete = false
        break
      }
      out[key] = hit.value
    }
    if (complete) rows.push(out)
  }
  return downsample(rows, spec.samples)
}

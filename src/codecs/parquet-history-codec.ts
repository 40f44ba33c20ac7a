import * as t from 'io-ts'
import { nullable } from './nullable.js'

/** `parquetHistory(liveKeys) { parquetUrls liveData }` (PROTOCOL.md §13). */
const ParquetHistory = t.type({
  parquetUrls: nullable(t.array(t.string)),
  liveData: nullable(t.array(t.unknown)),
})

/** `project { run { parquetHistory } }`: a missing project or run is `null`, as W&B answers. */
export const ParquetHistoryResponse = t.type({
  project: nullable(t.type({ run: nullable(t.type({ parquetHistory: ParquetHistory })) })),
})
export type ParquetHistoryResponse = t.TypeOf<typeof ParquetHistoryResponse>

/**
 * The `_step`s of `liveData`, ascending and distinct. Each entry is an object (or its JSON text)
 * whose `_step` is a number, a numeric string, or a float such as `12.0`; entries without a
 * finite integer step are skipped, since they cannot mark where the exports end.
 *
 * @example
 * ```ts
 * liveSteps([{ _step: 12 }, '{"_step": 10.0}', { _step: 'NaN' }]) // [10, 12]
 * ```
 */
export function liveSteps(liveData: readonly unknown[]): number[] {
  const steps = new Set<number>()
  for (const entry of liveData) {
    const step = Number(stepOf(entry))
    if (Number.isSafeInteger(step) && step >= 0) steps.add(step)
  }
  return [...steps].sort((a, b) => a - b)
}

function stepOf(entry: unknown): unknown {
  if (typeof entry === 'string') {
    try {
      return stepOf(JSON.parse(entry))
    } catch {
      return undefined
    }
  }
  if (typeof entry !== 'object' || entry === null) return undefined
  const step = (entry as { _step?: unknown })._step
  return typeof step === 'number' ||
    typeof step === 'bigint' ||
    (typeof step === 'string' && step.trim() !== '')
    ? step
    : undefined
}

import * as t from 'io-ts'
import { JsonRecord } from './json-record.js'
import { JsonTypedRecord } from './json-typed-record.js'

/**
 * One row of a run's history: an open record of logged keys plus W&B's bookkeeping keys.
 * `_step` counts `log()` calls from 0 (it may skip); `_runtime` is seconds since the run started;
 * `_timestamp` is Unix seconds. Values may be `NaN` or `±Infinity`; nested dicts stay nested.
 *
 * @example
 * ```ts
 * const row: HistoryRow = { _step: 3, _runtime: 1.2, _timestamp: 1714560000.5, loss: 0.41 }
 * ```
 */
export interface HistoryRow {
  readonly _step: number
  readonly _runtime?: number
  readonly _timestamp?: number
  readonly [key: string]: unknown
}

const hasStep = (u: unknown): u is HistoryRow =>
  typeof u === 'object' && u !== null && typeof (u as { _step?: unknown })._step === 'number'

/**
 * A history row given as an object (JSON-typed fields: non-finite strings revived), or as the
 * JSON-string line `history`/`events` return.
 */
export const HistoryRow = new t.Type<HistoryRow, unknown, unknown>(
  'HistoryRow',
  hasStep,
  (u, c) => {
    const record = JsonTypedRecord.validate(u, c)
    if (record._tag === 'Left') return record
    return hasStep(record.right)
      ? t.success(record.right)
      : t.failure(u, c, 'expected a history row with a numeric _step')
  },
  t.identity,
)

/** A system-metrics row (`events`): like history but keyed by `_timestamp`, `_step` optional. */
export const EventRow = JsonRecord

import * as t from 'io-ts'
import { parseExtendedJson } from '../internal/extended-json.js'

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A JSON object that arrives either as a JSON-encoded string (W&B's `JSONString` scalar, which may
 * hold bare `NaN`/`Infinity`) or already parsed. `null`, `""` and a missing value decode to `{}`.
 */
export const JsonRecord = new t.Type<Record<string, unknown>, string, unknown>(
  'JsonRecord',
  isRecord,
  (u, c) => {
    if (u === null || u === undefined || u === '') return t.success({})
    if (isRecord(u)) return t.success(u)
    if (typeof u !== 'string') return t.failure(u, c, 'expected a JSON object or a JSON-encoded string')
    let parsed: unknown
    try {
      parsed = parseExtendedJson(u)
    } catch {
      return t.failure(u, c, 'expected a JSON-encoded object, got text that is not JSON')
    }
    if (parsed === null) return t.success({})
    return isRecord(parsed) ? t.success(parsed) : t.failure(u, c, 'expected a JSON-encoded object')
  },
  (record) => JSON.stringify(record),
)
export type JsonRecord = t.TypeOf<typeof JsonRecord>

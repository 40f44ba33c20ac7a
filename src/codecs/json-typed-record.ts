import * as t from 'io-ts'
import { JsonRecord } from './json-record.js'
import { reviveNonFinite } from './non-finite-json.js'

/**
 * A {@link JsonRecord} from a field that may be W&B's `JSON` type (an object on the wire) or its
 * `JSONString` (a string): an object has its `"NaN"`/`"Infinity"`/`"-Infinity"` strings turned
 * back into numbers ({@link reviveNonFinite}); a string was parsed with its bare tokens already.
 * Every history value (rows of `history`, `sampledHistory`, `parquetHistory.liveData`, and
 * `historyKeys`) decodes through this, so each path gives the same numbers for the same row.
 *
 * @internal
 */
export const JsonTypedRecord = new t.Type<Record<string, unknown>, string, unknown>(
  'JsonTypedRecord',
  JsonRecord.is,
  (u, c) => {
    const record = JsonRecord.validate(u, c)
    return record._tag === 'Right' && typeof u !== 'string'
      ? t.success(reviveNonFinite(record.right))
      : record
  },
  JsonRecord.encode,
)

import * as t from 'io-ts'

/**
 * An ISO-8601 timestamp decoded to a `Date`. W&B writes UTC times without a zone suffix
 * (`2024-05-01T12:00:00`); those are read as UTC, not as local time.
 */
export const DateFromIsoString = new t.Type<Date, string, unknown>(
  'DateFromIsoString',
  (u): u is Date => u instanceof Date,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'expected an ISO-8601 date string')
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(u) || !u.includes('T') ? u : `${u}Z`
    const date = new Date(zoned)
    return Number.isNaN(date.getTime())
      ? t.failure(u, c, 'expected an ISO-8601 date string')
      : t.success(date)
  },
  (date) => date.toISOString(),
)
export type DateFromIsoString = t.TypeOf<typeof DateFromIsoString>

const SECOND = 1000
const MIN_MS = Date.UTC(1, 0, 1)
const MAX_MS = Date.UTC(9998, 11, 31)

const format = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`
const floorSecond = (date: Date): number => Math.floor(date.getTime() / SECOND) * SECOND

/** True when the date formats as a fixed-width ISO string the server can compare. *
 * @internal
 */
export const isServerDate = (date: Date): boolean => date.getTime() >= MIN_MS && date.getTime() <= MAX_MS

/**
 * Widened bounds for a Date comparison pushed to W&B as a *superset* pre-filter.
 *
 * The server holds ISO strings at (about) second precision and may compare them as strings or as
 * datetimes; either way a bound one whole second outside the value cannot exclude a run that
 * mingo's exact Date comparison keeps, because the two strings already differ within their first
 * 19 characters (`YYYY-MM-DDTHH:MM:SS`). The exact comparison then runs on the client.
 *
 * @example
 * ```ts
 * serverDateBounds(new Date('2024-05-01T10:00:00.250Z'))
 * // { after: '2024-05-01T09:59:59Z', before: '2024-05-01T10:00:02Z' }
 * ```
 */
export function serverDateBounds(date: Date): { readonly after: string; readonly before: string } {
  const floor = floorSecond(date)
  return { after: format(floor - SECOND), before: format(floor + 2 * SECOND) }
}

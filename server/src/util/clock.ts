/**
 * A strictly increasing wall clock in ms. Creation times order runs (`+created_at`); making
 * them monotonic keeps that order equal to insertion order even if the system clock steps back.
 */
let last = 0

export function nowMs(): number {
  const t = Math.max(Date.now(), last + 1)
  last = t
  return t
}

/** ISO-8601 UTC with milliseconds, the form every timestamp column and DateTime field uses. */
export function nowIso(): string {
  return new Date(nowMs()).toISOString()
}

/** A half-open step window `[minStep, maxStep)`. @internal */
export interface StepWindow {
  readonly minStep: number
  readonly maxStep: number
}

/**
 * Splits `[from, to)` into consecutive windows of at most `size` steps, as W&B's
 * `scan_history` pages (PROTOCOL.md §5). Lazy, so a billion-step run costs nothing up front.
 *
 * @example
 * ```ts
 * [...stepWindows(0, 2500, 1000)] // [{0,1000}, {1000,2000}, {2000,2500}] as { minStep, maxStep }
 * ```
 */
export function* stepWindows(from: number, to: number, size: number): Generator<StepWindow, void, undefined> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`pageSize must be an integer ≥ 1, got ${size}`)
  for (let minStep = from; minStep < to; minStep += size) {
    yield { minStep, maxStep: Math.min(minStep + size, to) }
  }
}

import type { StepWindow } from './step-windows.js'
import { stepWindows } from './step-windows.js'

/**
 * The step windows of `[from, to)` (at most `size` steps each) that hold at least one of the
 * live steps (ascending): the only GraphQL `history` requests a live tail needs, however far
 * apart the live steps are.
 *
 * @example
 * ```ts
 * [...liveWindows([5000, 5001, 9000], 0, Infinity, 1000)] // [{ minStep: 5000, maxStep: 6000 }, { minStep: 9000, maxStep: 9001 }]
 * ```
 */
export function* liveWindows(
  live: readonly number[],
  from: number,
  to: number,
  size: number,
): Generator<StepWindow, void, undefined> {
  let i = 0
  while (i < live.length && (live[i] as number) < from) i++
  const first = live[i]
  const last = live[live.length - 1]
  if (first === undefined || last === undefined) return
  for (const window of stepWindows(first, Math.min(to, last + 1), size)) {
    while (i < live.length && (live[i] as number) < window.minStep) i++
    const next = live[i]
    if (next === undefined) return
    if (next < window.maxStep) yield window
  }
}

import type { Run } from '../codecs/run.js'
import type { ClientSort } from '../compiler/client-sort.js'
import { WandbError } from '../errors/wandb-error.js'
import { cursorPages, type PageLoader } from './cursor-pages.js'
import type { RunEdge } from './runs-page-loader.js'

/**
 * Every run the loader keeps (it applies the residual), sorted on the client (`.sortLocally()`), read page by page. More
 * than `maxRuns` matches fail at once instead of filling memory.
 *
 * @example
 * ```ts
 * await sortedRuns(load, null, compiled.clientSort!, signal) // all matches, in the requested order
 * ```
 */
export async function sortedRuns(
  load: PageLoader<RunEdge>,
  start: string | null,
  sort: ClientSort,
  signal: AbortSignal,
): Promise<Run[]> {
  const runs: Run[] = []
  for await (const page of cursorPages(load, start, signal)) {
    for (const edge of page.items) runs.push(edge.run)
    if (runs.length > sort.maxRuns)
      throw new WandbError(
        `sortLocally: more than ${sort.maxRuns} runs match; narrow the filter or raise sortLocally({ maxRuns })`,
      )
  }
  return runs.sort((a, b) => sort.compare(a, b))
}

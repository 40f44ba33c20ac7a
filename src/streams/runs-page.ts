import type { Run } from '../codecs/run.js'

/**
 * One page of a runs query as `query.pages()` emits it: the runs that matched (after the
 * client-side residual and the limit), the cursor to resume after them, and whether more may
 * follow. Save `cursor` and pass it to `.after(cursor)` to resume, MLflow page-token style.
 *
 * @example
 * ```ts
 * const page = await firstValueFrom(api.runs('team/mnist').perPage(100).pages())
 * const next = api.runs('team/mnist').perPage(100).after(page.cursor!).pages()
 * ```
 */
export interface RunsPage {
  readonly runs: readonly Run[]
  /** The last consumed edge's cursor (W&B pages with it, not `endCursor`); null before any. */
  readonly cursor: string | null
  readonly hasNextPage: boolean
}

import { WandbError } from './wandb-error.js'

/**
 * An aggregation pipeline that was valid when given failed on the data: a `$bucket` value outside
 * the boundaries with no `default`, `$add` on a string, and the like. `cause` is mingo's error.
 * (Invalid pipelines fail earlier, at `aggregate()`, with a `FilterCompileError`.)
 *
 * @example
 * ```ts
 * try { aggregateRuns(runs, [{ $bucket: { groupBy: '$summary.loss', boundaries: [0, 1] } }]) }
 * catch (e) { if (e instanceof PipelineError) e.message } // 'pipeline failed: $bucket require a default …'
 * ```
 */
export class PipelineError extends WandbError {
  override name = 'PipelineError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(`pipeline failed: ${message}`, options)
  }
}

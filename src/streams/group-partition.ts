import { bucketIndex, type BucketSpec } from '../compiler/bucket-stage.js'
import { runPipeline } from '../compiler/run-pipeline.js'
import type { AnyStage } from '../dsl/types/pipeline.js'

/**
 * How a pipeline whose first stage groups (`$group`, `$bucket`, `$sortByCount`) splits into
 * independent groups: the key of each document, the stage that summarizes one group's members,
 * the order groups come out in, and the stages that run over the group results.
 *
 * @internal
 */
export interface GroupPartition {
  /** Group keys of documents, in one mingo run (a `$group` `_id` value, or a bucket index). */
  keys(docs: readonly object[]): unknown[]
  /** The stage that turns one group's members (in input order) into its one result document. */
  readonly stage: AnyStage
  /** Sort rank of a group: its first member's position (`$group`) or its bucket (`$bucket`). */
  rank(key: unknown, firstPosition: number): number
  readonly rest: readonly AnyStage[]
}

const valuesOf = (docs: readonly object[], expr: unknown): unknown[] =>
  runPipeline<{ v?: unknown }>(docs, [{ $replaceWith: { v: expr } }]).map((doc) => doc.v ?? null)

const grouping = (spec: Record<string, unknown>, rest: readonly AnyStage[]): GroupPartition => ({
  keys: (docs) => valuesOf(docs, spec['_id']),
  stage: { $group: spec },
  rank: (_key, first) => first,
  rest,
})

/**
 * The {@link GroupPartition} of a pipeline, or undefined when its first stage does not group
 * (those pipelines are recomputed whole). `$sortByCount: e` is `$group { _id: e, count: $sum 1 }`
 * then `$sort { count: -1 }`, as in MongoDB and mingo.
 *
 * @example
 * ```ts
 * groupPartition([{ $group: { _id: '$config.optimizer', n: { $count: {} } } }, { $sort: { n: -1 } }])?.rest // [{ $sort: { n: -1 } }]
 * ```
 * @internal
 */
export function groupPartition(pipeline: readonly AnyStage[]): GroupPartition | undefined {
  const [first, ...rest] = pipeline
  if (first === undefined) return undefined
  if (first['$group'] !== undefined) return grouping(first['$group'] as Record<string, unknown>, rest)
  if (first['$sortByCount'] !== undefined)
    return grouping({ _id: first['$sortByCount'], count: { $sum: 1 } }, [{ $sort: { count: -1 } }, ...rest])
  const bucket = first['$bucket'] as BucketSpec | undefined
  if (bucket === undefined) return undefined
  return {
    // Outside every bucket: the default bucket (-1), ranked last; without a default the stage fails.
    keys: (docs) => valuesOf(docs, bucket.groupBy).map((value) => bucketIndex(value, bucket.boundaries)),
    stage: first,
    rank: (key) => (key === -1 ? Number.MAX_SAFE_INTEGER : (key as number)),
    rest,
  }
}

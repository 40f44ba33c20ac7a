import type * as AccumulatorOperators from 'mingo/operators/accumulator'
import type * as ExpressionOperators from 'mingo/operators/expression'
import type { Filter } from './filter.js'
import type { RunPath } from './run-paths.js'
import type { AnyRunSchema, RunSchema } from './run-schema.js'

type OperatorName<M> = Exclude<keyof M, 'default' | '$function' | '$accumulator'>

/**
 * A reference to a Run field inside a pipeline: `'$summary.loss'`, `'$config.lr'`, `'$state'`.
 * Typed schemas check the path; untyped queries take any `$`-string.
 *
 * @example
 * ```ts
 * const loss: FieldRef<{ summary: { loss: number } }> = '$summary.loss'
 * ```
 */
export type FieldRef<S extends RunSchema = AnyRunSchema> = AnyRunSchema extends S
  ? `$${string}`
  : `$${RunPath<S>}`

/**
 * An operator expression such as `{ $multiply: ['$summary.loss', 100] }`: one of mingo's
 * expression operators (all optional, so an object naming none of them does not type-check). The
 * operator's arguments are validated when the pipeline is given, not by the type.
 *
 * @example
 * ```ts
 * const day: ExpressionObject = { $dateTrunc: { date: '$createdAt', unit: 'day' } }
 * ```
 */
export type ExpressionObject = { readonly [K in OperatorName<typeof ExpressionOperators>]?: unknown }

/**
 * A value read from a Run at the top of a Run-reading position: a field reference, a constant,
 * an operator expression, or an array of these.
 *
 * @example
 * ```ts
 * const a: Operand = '$summary.loss'
 * const b: Operand = { $divide: ['$summary.loss', '$config.batch'] }
 * ```
 */
export type Operand<S extends RunSchema = AnyRunSchema> =
  FieldRef<S> | number | boolean | null | Date | ExpressionObject | readonly Operand<S>[]

/**
 * A group key: an operand, or an object of operands (`{ opt: '$config.optimizer', lr: '$config.lr' }`).
 *
 * @example
 * ```ts
 * const id: GroupKey = { opt: '$config.optimizer', lr: '$config.lr' }
 * ```
 */
export type GroupKey<S extends RunSchema = AnyRunSchema> =
  | Operand<S>
  // `$`-keys are operators, never field names: `{ $minimum: … }` must not pass as a compound key.
  | ({ readonly [key: string]: Operand<S> } & { readonly [op: `$${string}`]: never })

/**
 * One accumulator of `$group`/`$bucket` output: `{ $avg: '$summary.loss' }`, `{ $count: {} }`,
 * `{ $percentile: { input: '$summary.loss', p: [0.5, 0.9], method: 'approximate' } }`.
 *
 * @example
 * ```ts
 * const best: Accumulator = { $min: '$summary.loss' }
 * ```
 */
export type Accumulator<S extends RunSchema = AnyRunSchema> = {
  readonly [K in OperatorName<typeof AccumulatorOperators>]?:
    | Operand<S>
    | { readonly input: Operand<S>; readonly p?: readonly number[]; readonly method: string }
    | { readonly [key: string]: unknown }
}

type Accumulators<S extends RunSchema> = { readonly [field: string]: Accumulator<S> }
type Projection<S extends RunSchema> = {
  readonly [field: string]: Operand<S> | 0 | 1 | Projection<S>
}

/**
 * Any stage, loosely typed: the shape stages take after the first reshaping one (their paths
 * name that stage's output, not Run fields) and in untyped pipelines. Every stage is validated
 * when the pipeline is given.
 *
 * @example
 * ```ts
 * const stage: AnyStage = { $match: { count: { $gt: 2 } } }
 * ```
 */
export type AnyStage = { readonly [stage: `$${string}`]: unknown }

/**
 * The typed forms of the stages that read Runs (the first reshaping stage of a typed pipeline).
 *
 * @example
 * ```ts
 * const s: RunStage<{ summary: { loss: number } }> = { $group: { _id: '$config.optimizer', best: { $min: '$summary.loss' } } }
 * ```
 */
export type RunStage<S extends RunSchema> =
  | {
      readonly $group: { readonly _id: GroupKey<S> } & {
        readonly [field: string]: Accumulator<S> | GroupKey<S>
      }
    }
  | {
      readonly $bucket: {
        readonly groupBy: Operand<S>
        readonly boundaries: readonly (number | string | Date)[]
        readonly default?: unknown
        readonly output?: Accumulators<S>
      }
    }
  | {
      readonly $bucketAuto: {
        readonly groupBy: Operand<S>
        readonly buckets: number
        readonly output?: Accumulators<S>
        readonly granularity?: string
      }
    }
  | { readonly $sortByCount: Operand<S> }
  | { readonly $project: Projection<S> }
  | { readonly $addFields: Projection<S> }
  | { readonly $set: Projection<S> }
  | { readonly $sort: { readonly [P in RunPath<S>]?: 1 | -1 } }
  | { readonly $limit: number }
  | { readonly $skip: number }
  | { readonly $count: string }

/**
 * A `$match` on Runs: a {@link Filter} in Run field names (merged into the runs query's `where`
 * when it leads the pipeline, so it is pushed down to the server).
 *
 * @example
 * ```ts
 * const m: MatchStage = { $match: { state: 'finished', 'summary.loss': { $lt: 1 } } }
 * ```
 */
// A type alias, not an interface: typed pipelines must stay assignable to `readonly AnyStage[]`.
export type MatchStage<S extends RunSchema = AnyRunSchema> = { readonly $match: Filter<S> }

/**
 * One aggregation stage. With a schema `S`, the stages that read Runs: `$match` is a
 * {@link Filter}`<S>`, `$group` keys and accumulator arguments, `$bucket.groupBy`,
 * `$sortByCount` and `$project`/`$addFields` values are {@link FieldRef}`<S>`s checked at compile
 * time. Untyped (the default), any stage shape type-checks and is validated at run time.
 *
 * @example
 * ```ts
 * const stage: PipelineStage = { $group: { _id: '$config.optimizer', loss: { $avg: '$summary.loss' } } }
 * ```
 */
export type PipelineStage<S extends RunSchema = AnyRunSchema> = AnyRunSchema extends S
  ? AnyStage
  : MatchStage<S> | RunStage<S>

/**
 * A Mongo aggregation pipeline over Runs, evaluated by mingo (see `query.aggregate()` and
 * {@link aggregateRuns}). Untyped it is any array of stages. With a schema `S`, up to two
 * leading `$match` stages are `Filter<S>`, the next stage is a typed {@link RunStage}, and the
 * stages after it (which read that stage's output) are loosely typed.
 *
 * @example
 * ```ts
 * interface Mnist { config: { optimizer: string }; summary: { loss: number } }
 * const byOptimizer: Pipeline<Mnist> = [
 *   { $match: { state: 'finished' } },
 *   { $group: { _id: '$config.optimizer', mean: { $avg: '$summary.loss' }, n: { $count: {} } } },
 *   { $sort: { mean: 1 } },
 * ]
 * ```
 */
export type Pipeline<S extends RunSchema = AnyRunSchema> = AnyRunSchema extends S
  ? readonly AnyStage[]
  : | readonly MatchStage<S>[]
    | readonly [RunStage<S>, ...AnyStage[]]
    | readonly [MatchStage<S>, RunStage<S>, ...AnyStage[]]
    | readonly [MatchStage<S>, MatchStage<S>, RunStage<S>, ...AnyStage[]]

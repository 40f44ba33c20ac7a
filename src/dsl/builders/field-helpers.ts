import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { FilterNode } from '../nodes/filter-node.js'
import { parseFieldPath } from '../parsers/field-path-parser.js'
import { parseFilter } from '../parsers/filter-parser.js'
import type { RunState } from '../../codecs/run.js'
import type { Filter } from '../types/filter.js'
import type {
  NestedKeys,
  RunPath,
  RunPathValue,
  SchemaConfig,
  SchemaSummary,
  ValueAt,
} from '../types/run-paths.js'
import type { AnyRunSchema, RunSchema } from '../types/run-schema.js'
import {
  fieldRef,
  type AnyField,
  type ArrayField,
  type DateField,
  type Field,
  type FieldFor,
} from './field-ref.js'

/**
 * A filter given to `and`/`or`/`nor`/`not`: a helper result or an object-form filter.
 *
 * @example
 * ```ts
 * f.or(f.state.eq('crashed'), { 'summary.loss': { $gt: 10 } })
 * ```
 */
export type FilterInput<S extends RunSchema = AnyRunSchema> = FilterNode | Filter<S>

/**
 * The typed field helpers `where(f => …)` receives.
 *
 * A string key is a dotted path (`f.config('opt.lr')` is the nested `config.opt.lr`, like the
 * object form). For a key that itself contains dots, pass the segments as an array:
 * `f.config(['xprun.name'])` is the single key `xprun.name`. Such keys cannot be filtered by
 * W&B's server (wandb/wandb#3087), so they always run on the client.
 *
 * @example
 * ```ts
 * api.runs('team/mnist').where((f) =>
 *   f.and(f.summary('loss').lt(0.2), f.config('optimizer').eq('adam'), f.tags.contains('baseline')),
 * ).compile().variables.filters
 * // '{"summary_metrics.loss":{"$lt":0.2},"config.optimizer.value":"adam","tags":"baseline"}'
 * ```
 */
export interface FieldHelpers<S extends RunSchema = AnyRunSchema> {
  config<K extends NestedKeys<SchemaConfig<S>>>(key: K): FieldFor<ValueAt<SchemaConfig<S>, K>>
  config(segments: readonly [string, ...string[]]): AnyField
  summary<K extends NestedKeys<SchemaSummary<S>>>(key: K): FieldFor<ValueAt<SchemaSummary<S>, K>>
  summary(segments: readonly [string, ...string[]]): AnyField
  systemMetrics(key: string | readonly [string, ...string[]]): AnyField
  /** Any Run path: `f.field('user.username')`. */
  field<P extends RunPath<S>>(path: P): FieldFor<RunPathValue<S, P>>
  readonly id: Field<string>
  readonly name: Field<string>
  readonly state: Field<RunState>
  readonly group: Field<string | null>
  readonly jobType: Field<string | null>
  readonly sweepName: Field<string | null>
  readonly username: Field<string | null>
  readonly tags: ArrayField<readonly string[]>
  readonly createdAt: DateField
  readonly heartbeatAt: DateField
  and(...filters: readonly FilterInput<S>[]): FilterNode
  or(...filters: readonly FilterInput<S>[]): FilterNode
  nor(...filters: readonly FilterInput<S>[]): FilterNode
  /** Matches runs the filter does not match (`$nor: [filter]`), including runs missing the field. */
  not(filter: FilterInput<S>): FilterNode
}

const toNode = (filter: unknown, at: string): FilterNode =>
  FilterNode.is(filter) ? filter : parseFilter(filter, at)

const logical =
  (kind: 'and' | 'or' | 'nor') =>
  (...filters: readonly unknown[]): FilterNode => {
    if (filters.length === 0)
      throw new FilterCompileError(`$${kind}`, `f.${kind}() needs at least one filter`)
    const nodes = filters.map((filter, i) => toNode(filter, `$${kind}.${i}`))
    return kind === 'and' ? FilterNode.all(nodes) : FilterNode[kind](nodes)
  }

const keyed = (root: string) => (key: string | readonly string[]) =>
  fieldRef(
    parseFieldPath(
      typeof key === 'string' ? `${root}.${key}` : [root, ...key],
      typeof key === 'string' ? `${root}.${key}` : root,
    ),
  )

const top = (path: string) => fieldRef(parseFieldPath(path, path))

/**
 * Creates the field helpers. They are plain functions of their arguments (no schema at run
 * time); the schema only types them.
 *
 * @example
 * ```ts
 * const f = fieldHelpers<{ summary: { loss: number } }>()
 * f.summary('loss').lt(0.2) // same node as parseFilter({ 'summary.loss': { $lt: 0.2 } })
 * ```
 */
export function fieldHelpers<S extends RunSchema = AnyRunSchema>(): FieldHelpers<S> {
  const helpers = {
    config: keyed('config'),
    summary: keyed('summary'),
    systemMetrics: keyed('systemMetrics'),
    field: (path: string) => top(path),
    id: top('id'),
    name: top('name'),
    state: top('state'),
    group: top('group'),
    jobType: top('jobType'),
    sweepName: top('sweepName'),
    username: top('user.username'),
    tags: top('tags'),
    createdAt: top('createdAt'),
    heartbeatAt: top('heartbeatAt'),
    and: logical('and'),
    or: logical('or'),
    nor: logical('nor'),
    not: (filter: unknown) => FilterNode.nor([toNode(filter, '$not')]),
  }
  return Object.freeze(helpers) as unknown as FieldHelpers<S>
}

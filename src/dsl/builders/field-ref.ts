import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { FieldPathNode } from '../nodes/field-path-node.js'
import { FilterNode } from '../nodes/filter-node.js'
import { isOperatorObject } from '../parsers/is-operator-object.js'
import { parseOperatorExpression } from '../parsers/operator-parser.js'
import { parseFilter } from '../parsers/filter-parser.js'
import type { Comparable, Condition, ElementOf, EqValue, RegexOperand } from '../types/filter.js'

type ElementArg<T> = unknown extends T ? unknown : ElementOf<T>

/**
 * Operators on one field, typed by its value type `T`; every method returns the same frozen
 * {@link FilterNode} the object form would.
 *
 * @example
 * ```ts
 * api.runs('team/mnist').where((f) => f.summary('loss').lt(0.2)).compile().variables.filters
 * // '{"summary_metrics.loss":{"$lt":0.2}}'  (same as .where({ 'summary.loss': { $lt: 0.2 } }))
 * ```
 */
export interface Field<T> {
  eq(value: EqValue<T> | null): FilterNode
  ne(value: EqValue<T> | null): FilterNode
  gt(value: Comparable<T>): FilterNode
  gte(value: Comparable<T>): FilterNode
  lt(value: Comparable<T>): FilterNode
  lte(value: Comparable<T>): FilterNode
  in(values: readonly (EqValue<T> | null)[]): FilterNode
  nin(values: readonly (EqValue<T> | null)[]): FilterNode
  /** `{ $exists: true }` by default. */
  exists(exists?: boolean): FilterNode
  regex(pattern: RegexOperand<T>, flags?: string): FilterNode
  /** Any object-form condition on this field: `f.summary('loss').where({ $gt: 0, $lt: 1 })`. */
  where(condition: Condition<T>): FilterNode
}

/**
 * An array field (`tags`, or array-valued config keys).
 *
 * @example
 * ```ts
 * f.tags.contains('baseline') // { tags: 'baseline' }          (server)
 * f.tags.all(['a', 'b'])      // { tags: { $all: ['a', 'b'] } } (client)
 * ```
 */
export interface ArrayField<T> extends Field<T> {
  /** Membership: `{ tags: 'x' }`. */
  contains(value: ElementArg<T>): FilterNode
  /** Every value present: `{ tags: { $all: [...] } }` (client side). */
  all(values: readonly ElementArg<T>[]): FilterNode
  /** Exactly `n` elements: `{ tags: { $size: n } }` (client side). */
  size(n: number): FilterNode
}

/**
 * A Date field (`createdAt`, `heartbeatAt`).
 *
 * @example
 * ```ts
 * f.createdAt.after(new Date('2024-05-01T00:00:00Z'))
 * // server: { createdAt: { $gt: '2024-04-30T23:59:59Z' } }, re-checked exactly on the client
 * ```
 */
export interface DateField extends Field<Date> {
  /** Strictly after: `$gt`. */
  after(date: Date): FilterNode
  /** Strictly before: `$lt`. */
  before(date: Date): FilterNode
  /** `from <= value < to`. */
  between(from: Date, to: Date): FilterNode
}

/** A field whose type is unknown (untyped schema): every helper is available. *
 * @internal
 */
export type AnyField = ArrayField<unknown> & Omit<DateField, keyof Field<Date>>

/** The helper type for a value type. *
 * @internal
 */
export type FieldFor<T> = unknown extends T
  ? AnyField
  : [T] extends [readonly unknown[]]
    ? ArrayField<T>
    : [T] extends [Date]
      ? DateField
      : Field<T>

/**
 * Builds the helper for one parsed path. `label` is the path as written, used in error paths.
 *
 * @example
 * ```ts
 * fieldRef(FieldPathNode.create(['summary', 'loss'])).lt(0.2)
 * // { kind: 'predicate', path: { segments: ['summary', 'loss'] }, operator: '$lt', value: 0.2, source: 'summary.loss.$lt' }
 * ```
 */
export function fieldRef(path: FieldPathNode): AnyField {
  const label = FieldPathNode.toString(path)
  const op = (operator: string, value: unknown): FilterNode =>
    parseOperatorExpression(path, { [operator]: value }, label)
  return Object.freeze({
    eq: (value: unknown) => parseOperatorExpression(path, { $eq: value }, label, { implicit: true }),
    ne: (value: unknown) => op('$ne', value),
    gt: (value: unknown) => op('$gt', value),
    gte: (value: unknown) => op('$gte', value),
    lt: (value: unknown) => op('$lt', value),
    lte: (value: unknown) => op('$lte', value),
    in: (values: unknown) => op('$in', values),
    nin: (values: unknown) => op('$nin', values),
    exists: (exists = true) => op('$exists', exists),
    regex: (pattern: unknown, flags?: string) =>
      parseOperatorExpression(
        path,
        flags === undefined ? { $regex: pattern } : { $regex: pattern, $options: flags },
        label,
      ),
    where: (condition: unknown) =>
      isOperatorObject(condition)
        ? parseOperatorExpression(path, condition, label)
        : parseFilterAt(path, condition),
    contains: (value: unknown) => parseOperatorExpression(path, { $eq: value }, label, { implicit: true }),
    all: (values: unknown) => op('$all', values),
    size: (n: number) => op('$size', n),
    after: (date: Date) => op('$gt', date),
    before: (date: Date) => op('$lt', date),
    between: (from: Date, to: Date) => FilterNode.all([op('$gte', from), op('$lt', to)]),
  }) as AnyField
}

function parseFilterAt(path: FieldPathNode, condition: unknown): FilterNode {
  if (FieldPathNode.hasLiteralDots(path))
    throw new FilterCompileError(
      FieldPathNode.toString(path),
      'use an operator expression ({ $eq: … }) with keys containing dots',
    )
  return parseFilter({ [path.segments.join('.')]: condition })
}

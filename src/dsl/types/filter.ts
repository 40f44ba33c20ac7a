import type { RunSchema, AnyRunSchema } from './run-schema.js'
import type { RunPath, RunPathValue } from './run-paths.js'

/** An array's element type, else never. *
 * @internal
 */
export type ElementOf<T> = T extends readonly (infer E)[] ? E : never
/** What `$eq` accepts for a field of type `T`: the value, or one element of an array field. *
 * @internal
 */
export type EqValue<T> = unknown extends T ? unknown : T extends readonly (infer E)[] ? E | T : T
/** What a range comparison accepts: numbers, strings, Dates or booleans of the field's own type. *
 * @internal
 */
export type Comparable<T> = unknown extends T
  ? number | string | boolean | Date
  : Extract<Exclude<EqValue<T>, null | undefined>, number | string | boolean | Date>
/** `RegExp | string` for string-valued fields (or untyped ones), never otherwise. *
 * @internal
 */
export type RegexOperand<T> = unknown extends T
  ? RegExp | string
  : [Extract<EqValue<T>, string>] extends [never]
    ? never
    : RegExp | string

/**
 * MongoDB operators on one field, typed by the field's value type `T`: comparing a string field
 * with `$lt: 3` does not compile.
 *
 * @example
 * ```ts
 * const loss: OperatorExpression<number> = { $gte: 0, $lt: 0.2 }
 * // @ts-expect-error a string field compared with a number
 * const optimizer: OperatorExpression<'adam' | 'sgd'> = { $lt: 3 }
 * ```
 */
export interface OperatorExpression<T> {
  readonly $eq?: EqValue<T> | null
  readonly $ne?: EqValue<T> | null
  readonly $gt?: Comparable<T>
  readonly $gte?: Comparable<T>
  readonly $lt?: Comparable<T>
  readonly $lte?: Comparable<T>
  readonly $in?: readonly (EqValue<T> | null | RegExp)[]
  readonly $nin?: readonly (EqValue<T> | null | RegExp)[]
  readonly $exists?: boolean
  readonly $regex?: RegexOperand<T>
  readonly $options?: string
  readonly $not?: OperatorExpression<T> | RegExp
  readonly $size?: number
  readonly $all?: readonly (unknown extends T ? unknown : ElementOf<T> | RegExp)[]
  readonly $elemMatch?: Readonly<Record<string, unknown>>
  readonly $mod?: readonly [number, number]
  readonly $type?: string | number | readonly (string | number)[]
}

/**
 * A field's condition: a value (equality, or membership for arrays), a RegExp (string fields),
 * or an operator expression.
 *
 * @example
 * ```ts
 * const a: Condition<readonly string[]> = 'baseline'        // tags contains 'baseline'
 * const b: Condition<string> = /^exp-/                       // regex
 * const c: Condition<number> = { $gt: 0.9 }
 * ```
 */
export type Condition<T> =
  EqValue<T> | null | ([RegexOperand<T>] extends [never] ? never : RegExp) | OperatorExpression<T>

/**
 * A Mongo-style filter in Run field names, type-checked against schema `S`.
 *
 * @example
 * ```ts
 * const filter: Filter = { 'summary.loss': { $lt: 0.2 }, 'config.optimizer': 'adam', tags: 'baseline' }
 * const either: Filter = { $or: [{ state: 'crashed' }, { state: 'failed' }] }
 * ```
 */
export type Filter<S extends RunSchema = AnyRunSchema> = {
  readonly [P in RunPath<S>]?: Condition<RunPathValue<S, P>>
} & {
  readonly $and?: readonly Filter<S>[]
  readonly $or?: readonly Filter<S>[]
  readonly $nor?: readonly Filter<S>[]
}

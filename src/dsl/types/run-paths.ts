import type { Run } from '../../codecs/run.js'
import type { RunSchema } from './run-schema.js'

/**
 * The value types of the Run fields a filter can name directly: the `Run` type itself (so the
 * two never drift), with the nested records left to typed `config.`/`summary.` paths and the user
 * reachable through its dotted fields.
 *
 * @example
 * ```ts
 * type T = RunFieldTypes['createdAt'] // Date: compare it with Dates, never strings
 * ```
 */
export type RunFieldTypes = Omit<Run, 'config' | 'summary' | 'systemMetrics' | 'user'> & {
  readonly 'user.name': string | null
  readonly 'user.username': string | null
}

type AnyRecord = Record<string, unknown>
type Part<S, K extends 'config' | 'summary'> = S extends { readonly [P in K]?: infer T }
  ? T extends object
    ? T
    : AnyRecord
  : AnyRecord

/** The schema's config type (any keys when the schema does not say). *
 * @internal
 */
export type SchemaConfig<S extends RunSchema> = Part<S, 'config'>
/** The schema's summary type (any keys when the schema does not say). *
 * @internal
 */
export type SchemaSummary<S extends RunSchema> = Part<S, 'summary'>

type Depth = [never, 0, 1, 2]
type Leafish = readonly unknown[] | Date | RegExp

/** Dotted keys of `T`, nested at most 3 levels so type-checking stays fast. *
 * @internal
 */
export type NestedKeys<T, D extends number = 3> = [D] extends [never]
  ? never
  : unknown extends T
    ? string
    : {
        [K in keyof T & string]:
          | K
          | (NonNullable<T[K]> extends Leafish
              ? never
              : NonNullable<T[K]> extends object
                ? `${K}.${NestedKeys<NonNullable<T[K]>, Depth[D]>}`
                : never)
      }[keyof T & string]

/** The type at a dotted key of `T`; `unknown` wherever `T` accepts any key. *
 * @internal
 */
export type ValueAt<T, P extends string> = unknown extends T
  ? unknown
  : P extends keyof T
    ? T[P]
    : P extends `${infer H}.${infer R}`
      ? H extends keyof T
        ? ValueAt<Exclude<T[H], undefined | null>, R>
        : string extends keyof T
          ? unknown
          : never
      : string extends keyof T
        ? unknown
        : never

/**
 * Every path a filter or order key may name for schema `S`: Run fields, `config.<key>`,
 * `summary.<key>` (typed and depth-bounded when `S` says, any string otherwise) and
 * `systemMetrics.<key>`.
 *
 * @example
 * ```ts
 * type P = RunPath<{ summary: { loss: number; best: { step: number } } }>
 * // 'id' | 'name' | … | 'summary.loss' | 'summary.best' | 'summary.best.step' | `config.${string}` | `systemMetrics.${string}`
 * ```
 */
export type RunPath<S extends RunSchema> =
  | keyof RunFieldTypes
  | `config.${NestedKeys<SchemaConfig<S>>}`
  | `summary.${NestedKeys<SchemaSummary<S>>}`
  | `systemMetrics.${string}`

/**
 * The value type at a {@link RunPath}.
 *
 * @example
 * ```ts
 * type L = RunPathValue<{ summary: { loss: number } }, 'summary.loss'> // number
 * type C = RunPathValue<AnyRunSchema, 'config.lr'>                     // unknown
 * type D = RunPathValue<AnyRunSchema, 'createdAt'>                     // Date
 * ```
 */
export type RunPathValue<S extends RunSchema, P extends string> = P extends keyof RunFieldTypes
  ? RunFieldTypes[P]
  : P extends `config.${infer R}`
    ? ValueAt<SchemaConfig<S>, R>
    : P extends `summary.${infer R}`
      ? ValueAt<SchemaSummary<S>, R>
      : unknown

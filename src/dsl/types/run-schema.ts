/**
 * The shape of a project's `config` and `summary`, given to `api.runs<S>()` to type-check filter
 * paths and values. Either part may be omitted (it then accepts any key).
 *
 * @example
 * ```ts
 * interface Mnist { config: { lr: number; optimizer: 'adam' | 'sgd' }; summary: { loss: number; 'eval/acc': number } }
 * api.runs<Mnist>('team/mnist').where({ 'summary.loss': { $lt: 0.2 } })   // ok
 * api.runs<Mnist>('team/mnist').where({ 'summary.los': { $lt: 0.2 } })    // compile error
 * ```
 */
export interface RunSchema {
  readonly config?: object
  readonly summary?: object
}

/**
 * The default schema: any config or summary key, any value.
 *
 * @example
 * ```ts
 * api.runs('team/mnist') // RunsQuery<AnyRunSchema>: where({ 'summary.anything': 1 }) type-checks
 * ```
 */
export interface AnyRunSchema {
  readonly config: Record<string, unknown>
  readonly summary: Record<string, unknown>
}

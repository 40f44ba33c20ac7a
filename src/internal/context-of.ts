import type { ApiContext } from './api-context.js'

/** An `Api` (anything holding its `context`) or the context itself. */
export type ContextSource = ApiContext | { readonly context: ApiContext }

/**
 * The {@link ApiContext} behind an `Api` or a context, so free functions (Node downloads, blob
 * helpers) can take the `Api` users hold without importing the `Api` class.
 *
 * @example
 * ```ts
 * const ctx = contextOf(api) // api.context
 * ```
 */
export const contextOf = (source: ContextSource): ApiContext =>
  'context' in source ? source.context : source

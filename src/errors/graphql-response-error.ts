import { TransportError, type TransportErrorData } from './transport-error.js'

/** One entry of a GraphQL response's `errors[]`. */
export interface GraphQLErrorEntry {
  readonly message: string
  readonly path?: readonly (string | number)[] | undefined
  readonly extensions?: Readonly<Record<string, unknown>> | undefined
}

/**
 * The server answered with GraphQL `errors[]` (usually inside an HTTP 200). As in W&B's own
 * client, the whole call fails and partial `data` is dropped.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof GraphQLResponseError) console.error(e.errors.map((x) => x.message)) }
 * ```
 */
export class GraphQLResponseError extends TransportError {
  override name = 'GraphQLResponseError'
  readonly errors: readonly GraphQLErrorEntry[]

  constructor(data: TransportErrorData & { readonly errors: readonly GraphQLErrorEntry[] }) {
    super(data, renderGraphQLMessage(data))
    this.errors = data.errors
  }
}

function renderGraphQLMessage(data: TransportErrorData & { readonly errors: readonly GraphQLErrorEntry[] }) {
  const lines = data.errors.map((e) => (e.path?.length ? `${e.path.join('.')}: ${e.message}` : e.message))
  const op = data.operation ? ` in ${data.operation}` : ''
  return `GraphQL error${op}: ${lines.join('; ')}`
}

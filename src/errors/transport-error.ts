import { WandbError } from './wandb-error.js'

/** What a transport error says about the request, with secrets already removed. */
export interface TransportErrorData {
  /** HTTP status; 0 when no response arrived (network failure, timeout, abort). */
  readonly status: number
  readonly method: string
  /** The request URL with query values (signed-URL tokens) redacted. */
  readonly url: string
  /** The start of the response body, if any, with secrets redacted. */
  readonly response?: string | undefined
  /** The GraphQL operation name, when the request was a GraphQL call. */
  readonly operation?: string | undefined
  readonly cause?: unknown
}

/**
 * A request that failed: a non-2xx status, a network failure, a timeout or an abort (`status` 0).
 *
 * Never carries the API key or the `Authorization` header. Python users know it as `CommError`.
 *
 * @example
 * ```ts
 * try { await api.viewer() } catch (e) {
 *   if (e instanceof TransportError && e.status === 0) console.error('offline?', e.message)
 * }
 * ```
 */
export class TransportError extends WandbError {
  override name = 'TransportError'
  readonly status: number
  readonly method: string
  readonly url: string
  readonly response: string | undefined
  readonly operation: string | undefined

  constructor(data: TransportErrorData, message?: string) {
    super(message ?? renderTransportMessage(data), { cause: data.cause })
    this.status = data.status
    this.method = data.method
    this.url = data.url
    this.response = data.response
    this.operation = data.operation
  }
}

function renderTransportMessage(data: TransportErrorData): string {
  const what = data.operation
    ? `${data.method} ${data.url} (${data.operation})`
    : `${data.method} ${data.url}`
  const status = data.status === 0 ? 'no response' : `HTTP ${data.status}`
  const reason = data.response
    ? `: ${data.response}`
    : data.cause instanceof Error
      ? `: ${data.cause.message}`
      : ''
  return `${what} failed with ${status}${reason}`
}

/** The Python SDK's name for a failed request (`wandb.errors.CommError`). */
export { TransportError as CommError }

import { TransportError } from './transport-error.js'

/**
 * The API key is missing, invalid (HTTP 401, or a `null` viewer) or lacks permission (HTTP 403).
 * Never retried. The message says how to provide a key, never the key itself.
 *
 * @example
 * ```ts
 * await new Api({ apiKey: 'wrong' }).viewer() // rejects with AuthError (status 401)
 * ```
 */
export class AuthError extends TransportError {
  override name = 'AuthError'
}

import type { IncomingHttpHeaders } from 'node:http'
import { matchRoute } from './match-route.js'
import type { Reply } from './reply.js'

/**
 * Which page origins may call the server from a browser: `'*'` (any; the default — no cookies
 * are used, the key travels in `Authorization`), one origin or a list (`https://app.example`),
 * or `false` for no CORS headers at all.
 */
export type CorsOrigin = '*' | string | readonly string[] | false

/** Request headers a page may send: ours, the official clients' and ranged reads. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'range',
  'x-client',
  'x-request-id',
  'x-wandb-username',
  'x-wandb-user-email',
  'use-admin-privileges',
].join(', ')

/** Response headers a page may read beyond the CORS-safelisted ones (ranged file reads, backoff). */
const EXPOSED_HEADERS = ['content-range', 'content-length', 'etag', 'accept-ranges', 'retry-after'].join(', ')

/** How long a browser may cache a preflight answer (seconds). */
const MAX_AGE = '86400'

const METHODS = ['GET', 'HEAD', 'POST', 'PUT'] as const

/** The CORS headers of one server, computed per request from its `Origin`. */
export interface CorsPolicy {
  /** Headers every reply carries (empty when CORS is off or the origin is not allowed). */
  headers(requestHeaders: IncomingHttpHeaders): Record<string, string>
  /** The answer to an `OPTIONS` preflight for `pathname`: 204 with the methods it accepts, or 404. */
  preflight(pathname: string, requestHeaders: IncomingHttpHeaders): Reply
}

/**
 * Builds the server's CORS policy. Allowed origins are echoed back (with `Vary: Origin`) when
 * the policy is a list; `'*'` is sent as is.
 *
 * @example
 * const cors = corsPolicy(['http://localhost:5173'])
 * cors.headers({ origin: 'http://localhost:5173' }) // { 'access-control-allow-origin': 'http://localhost:5173', vary: 'Origin', … }
 */
export function corsPolicy(origin: CorsOrigin = '*'): CorsPolicy {
  const allowed = origin === false ? [] : typeof origin === 'string' ? [origin] : [...origin]
  const headers = (request: IncomingHttpHeaders): Record<string, string> => {
    if (allowed.length === 0) return {}
    const from = request.origin
    const any = allowed.includes('*')
    if (!any && (from === undefined || !allowed.includes(from)))
      return allowed.length > 1 ? { vary: 'Origin' } : {}
    return {
      'access-control-allow-origin': any ? '*' : from!,
      'access-control-expose-headers': EXPOSED_HEADERS,
      ...(any ? {} : { vary: 'Origin' }),
    }
  }
  return {
    headers,
    preflight(pathname, request) {
      const methods = METHODS.filter((m) => {
        const kind = matchRoute(m, pathname).kind
        return kind !== 'not_found' && kind !== 'method_not_allowed'
      })
      if (methods.length === 0) return { status: 404, body: '', headers: headers(request) }
      return {
        status: 204,
        body: '',
        headers: {
          ...headers(request),
          'access-control-allow-methods': methods.join(', '),
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': MAX_AGE,
        },
      }
    },
  }
}

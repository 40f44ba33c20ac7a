import type { IncomingMessage } from 'node:http'
import type { Db } from '../store/open-database.js'
import type { UserRow } from '../store/rows.js'
import { findUserByKey } from '../store/users.js'

/** The API key of a request: Basic `api:<key>` (any user name), or `Bearer <key>`. */
export function apiKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  if (!header) return undefined
  const [scheme, value = ''] = header.split(/\s+/, 2)
  if (/^bearer$/i.test(scheme ?? '')) return value || undefined
  if (!/^basic$/i.test(scheme ?? '')) return undefined
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon >= 0 ? decoded.slice(colon + 1) || undefined : undefined
}

/** The user owning the request's key, or undefined (then the caller answers 401). */
export function authenticate(db: Db, req: IncomingMessage): UserRow | undefined {
  const key = apiKeyOf(req)
  return key ? findUserByKey(db, key) : undefined
}

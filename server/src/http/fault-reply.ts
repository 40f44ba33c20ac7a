import type { FaultKind } from '../faults/fault-plan.js'
import { errorJson, json, type Reply } from './reply.js'

/** The answer for an injected fault that replaces the request (`reset` is handled apart). */
export function faultReply(kind: Exclude<FaultKind, 'reset'>, retryAfter: number): Reply {
  switch (kind) {
    case '429':
      return errorJson(429, 'rate limit exceeded (injected fault)', { 'retry-after': String(retryAfter) })
    case 'malformed':
      return json(200, '{"data": {"viewer": {"id": ')
    case 'graphql-error':
      return json(200, {
        errors: [{ message: 'injected fault', extensions: { code: 'INTERNAL' } }],
        data: null,
      })
    default:
      return errorJson(Number(kind), `injected fault ${kind}`)
  }
}

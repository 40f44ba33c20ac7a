import { FilterCompileError } from '../../errors/filter-compile-error.js'
import { OrderByNode, type OrderDirection } from '../nodes/order-by-node.js'
import { parseFieldPath } from './field-path-parser.js'

/**
 * An order key as users write it: `'+summary.loss'`, `'-createdAt'`, or an object.
 *
 * @example
 * ```ts
 * const keys: OrderKeyInput[] = ['+summary.loss', '-createdAt', { field: ['config', 'xprun.name'], direction: 'desc' }]
 * ```
 */
export type OrderKeyInput =
  string | { readonly field: string | readonly string[]; readonly direction?: OrderDirection }

/**
 * Parses one order key in Run field names. A bare key (no `+`/`-`) is ascending.
 *
 * @example
 * ```ts
 * parseOrderKey('-summary.eval/loss', 'orderBy.0')
 * // { kind: 'orderBy', path: { segments: ['summary', 'eval/loss'] }, direction: 'desc' }
 * parseOrderKey({ field: 'createdAt', direction: 'asc' }, 'orderBy.0').direction // 'asc'
 * ```
 */
export function parseOrderKey(key: OrderKeyInput, at: string): OrderByNode {
  if (typeof key === 'string') {
    const sign = key[0]
    const direction: OrderDirection = sign === '-' ? 'desc' : 'asc'
    const field = sign === '+' || sign === '-' ? key.slice(1) : key
    return OrderByNode.create(parseFieldPath(field.trim(), at), direction)
  }
  if (typeof key !== 'object' || key === null)
    throw new FilterCompileError(at, "order keys look like '+summary.loss' or { field, direction }")
  const direction = key.direction ?? 'asc'
  if (direction !== 'asc' && direction !== 'desc')
    throw new FilterCompileError(at, `direction must be 'asc' or 'desc', got ${JSON.stringify(direction)}`)
  return OrderByNode.create(parseFieldPath(key.field, at), direction)
}

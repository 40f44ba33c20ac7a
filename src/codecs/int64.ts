import * as t from 'io-ts'

/**
 * W&B's `Int64` scalar: a JSON number, or a decimal string on servers that keep 64-bit
 * precision. Decoded to a `number` (exact up to 2^53).
 *
 * @example
 * ```ts
 * Int64.decode('1024') // right(1024)
 * ```
 */
export const Int64 = new t.Type<number, number, unknown>(
  'Int64',
  (u): u is number => typeof u === 'number',
  (u, c) => {
    if (typeof u === 'number' && Number.isFinite(u)) return t.success(u)
    if (typeof u === 'string' && /^-?\d+$/.test(u)) return t.success(Number(u))
    return t.failure(u, c, 'expected an integer (number or decimal string)')
  },
  (n) => n,
)
export type Int64 = t.TypeOf<typeof Int64>

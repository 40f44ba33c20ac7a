/**
 * A copy of a JSON-like value with NaN / ±Infinity replaced by the strings "NaN", "Infinity"
 * and "-Infinity": values of `JSON`-typed fields must parse with a strict JSON parser
 * (wandb-core's Go decoder rejects bare tokens, PROTOCOL §12).
 *
 * @example strictJsonValue({ a: NaN, b: [1, -Infinity] }) // { a: 'NaN', b: [1, '-Infinity'] }
 */
export function strictJsonValue(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'
  }
  if (Array.isArray(value)) return value.map(strictJsonValue)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictJsonValue(v)]))
  }
  return value
}

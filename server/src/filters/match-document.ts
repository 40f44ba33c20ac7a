import { FilterError } from './filter-error.js'
import { compileRegex } from './regexp.js'

/** A compiled Mongo-style predicate over plain documents. */
export type DocumentPredicate = (doc: Readonly<Record<string, unknown>>) => boolean

type Test = (value: unknown) => boolean

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Values at a dotted path; arrays on the way fan out, as in Mongo. */
function valuesAt(doc: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [doc]
  const [head, ...rest] = path as [string, ...string[]]
  if (Array.isArray(doc)) return doc.flatMap((item) => valuesAt(item, path))
  if (!isObject(doc) || !(head in doc)) return []
  return valuesAt(doc[head], rest)
}

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return undefined
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b) || isObject(a) || isObject(b))
    return JSON.stringify(a) === JSON.stringify(b)
  return false
}

/** A field value matches when it, or (for arrays) one of its elements, passes. */
const anyOf =
  (test: Test): Test =>
  (value) =>
    Array.isArray(value) ? value.some(test) || test(value) : test(value)

function operatorTest(op: string, operand: unknown, spec: Record<string, unknown>, where: string): Test {
  switch (op) {
    case '$eq':
      return anyOf((v) => equal(v, operand))
    case '$ne':
      return (v) => !anyOf((x) => equal(x, operand))(v)
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return anyOf((v) => {
        const c = compare(v, operand)
        if (c === undefined) return false
        return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0
      })
    case '$in':
    case '$nin': {
      if (!Array.isArray(operand)) throw new FilterError(`${op} needs an array`, where)
      const test = anyOf((v) => operand.some((o) => equal(v, o)))
      return op === '$in' ? test : (v) => !test(v)
    }
    case '$regex': {
      if (typeof operand !== 'string') throw new FilterError('$regex needs a string', where)
      const options = typeof spec.$options === 'string' ? spec.$options : ''
      let re: ReturnType<typeof compileRegex>
      try {
        re = compileRegex(operand, options)
      } catch (error) {
        throw new FilterError((error as Error).message, where)
      }
      return anyOf((v) => typeof v === 'string' && re.test(v))
    }
    case '$options':
      return () => true
    case '$exists':
      // A missing field reaches the test as `undefined`.
      return (v) => (v !== undefined) === Boolean(operand)
    case '$contains':
      return anyOf((v) => typeof v === 'string' && typeof operand === 'string' && v.includes(operand))
    case '$all':
      if (!Array.isArray(operand)) throw new FilterError('$all needs an array', where)
      return (v) => Array.isArray(v) && operand.every((o) => v.some((x) => equal(x, o)))
    case '$size':
      return (v) => Array.isArray(v) && v.length === operand
    case '$not': {
      const inner = fieldTest(operand, where)
      return (v) => !inner(v)
    }
    default:
      throw new FilterError(`unsupported operator ${op}`, where)
  }
}

/** The test one field's condition (`{ $gt: 1 }` or a literal) puts on a single value. */
function fieldTest(spec: unknown, where: string): Test {
  if (isObject(spec) && Object.keys(spec).some((k) => k.startsWith('$'))) {
    const tests = Object.entries(spec).map(([op, operand]) =>
      operatorTest(op, operand, spec, `${where}.${op}`),
    )
    return (v) => tests.every((t) => t(v))
  }
  return anyOf((v) => equal(v, spec))
}

function compileNode(filter: unknown, where: string): DocumentPredicate {
  if (!isObject(filter)) throw new FilterError('a filter must be an object', where)
  const parts: DocumentPredicate[] = Object.entries(filter).map(([key, spec]) => {
    const at = `${where}.${key}`
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(spec)) throw new FilterError(`${key} needs an array`, at)
      const subs = spec.map((s, i) => compileNode(s, `${at}.${i}`))
      if (key === '$and') return (doc) => subs.every((p) => p(doc))
      if (key === '$or') return (doc) => subs.some((p) => p(doc))
      return (doc) => !subs.some((p) => p(doc))
    }
    if (key.startsWith('$')) throw new FilterError(`unsupported operator ${key}`, at)
    const path = key.split('.')
    const test = fieldTest(spec, at)
    // A missing field is tested as `undefined`, so `$ne`/`$nin`/`$exists: false` can match it.
    return (doc) => {
      const values = valuesAt(doc, path)
      return values.length === 0 ? test(undefined) : values.some(test)
    }
  })
  return (doc) => parts.every((p) => p(doc))
}

/**
 * Compiles a Mongo-style filter (a JSON string or object; null/empty matches everything) into a
 * predicate over plain documents: `$and $or $nor`, `$eq $ne $gt $gte $lt $lte $in $nin $exists
 * $regex $not $contains $all $size`, dotted paths, array membership. For listings too small to
 * need SQL (artifacts, registries). Throws `FilterError` naming the offending spot.
 *
 * @example
 * const test = compileDocumentFilter('{"alias": "best", "metadata.acc": {"$gt": 0.9}}')
 * test({ alias: ['latest', 'best'], metadata: { acc: 0.95 } }) // true
 */
export function compileDocumentFilter(filter: unknown): DocumentPredicate {
  if (filter === null || filter === undefined || filter === '') return () => true
  let parsed = filter
  if (typeof filter === 'string') {
    try {
      parsed = JSON.parse(filter)
    } catch {
      throw new FilterError('filters is not valid JSON')
    }
  }
  if (parsed === null) return () => true
  return compileNode(parsed, '$')
}

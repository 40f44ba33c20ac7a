import type * as t from 'io-ts'
import { ResponseDecodeError, type DecodeIssue } from '../errors/response-decode-error.js'

/**
 * Decodes `value` with `codec`, or throws a {@link ResponseDecodeError} naming each failing JSON
 * path. The one place where io-ts's `Either` turns into an exception: it never leaves `codecs/`.
 *
 * @example
 * ```ts
 * const page = decode(RunsResponse, body.data, 'Runs') // throws ResponseDecodeError on bad shapes
 * ```
 */
export function decode<C extends t.Any>(codec: C, value: unknown, what: string): t.TypeOf<C> {
  const result = codec.decode(value)
  // `_tag` is Either's own discriminant; importing fp-ts's `isLeft` for it would put fp-ts's
  // CommonJS build (~28 KB minified) into browser bundles next to the ES build io-ts uses.
  if (result._tag === 'Left') throw new ResponseDecodeError(what, result.left.map(toIssue))
  return result.right
}

/** Members of unions and intersections add index keys that are not part of the JSON path. */
const TRANSPARENT = new Set(['UnionType', 'IntersectionType', 'RefinementType', 'ReadonlyType', 'ExactType'])

function toIssue(error: t.ValidationError): DecodeIssue {
  const parts: string[] = []
  error.context.forEach((entry, i) => {
    if (i === 0 || entry.key === '') return
    const parent = error.context[i - 1]?.type as { _tag?: string } | undefined
    if (parent?._tag && TRANSPARENT.has(parent._tag)) return
    parts.push(entry.key)
  })
  const last = error.context[error.context.length - 1]
  return {
    path: parts.join('.'),
    expected: last?.type.name ?? 'unknown',
    actual: error.value,
    message: error.message,
  }
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringifyPieces } from '../src/util/json-pieces.js'

describe('stringifyPieces', () => {
  it('joins to exactly what JSON.stringify writes (property)', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.array(tie('any')),
        fc.dictionary(fc.string(), tie('any')),
        fc.constantFrom(undefined, new Date(0), () => 1, Symbol('s'), [undefined], { toJSON: () => 'own' }),
        fc.array(fc.string(), { minLength: 500, maxLength: 3000 }),
      ),
    })).any
    fc.assert(
      fc.property(value, (v) => {
        expect(stringifyPieces(v).join('')).toBe(JSON.stringify(v) ?? 'null')
      }),
      { numRuns: 300 },
    )
  })

  it('keeps a history window in pieces well under 128 KiB, GraphQL null-prototype objects included', () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ _step: i, loss: 1 / (i + 1), note: 'a "b" \\' }),
    )
    const data = Object.assign(Object.create(null) as object, { project: { run: { history: rows } } })
    const pieces = stringifyPieces({ data })
    expect(pieces.length).toBeGreaterThan(3)
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(64 * 1024)
    expect(JSON.parse(pieces.join(''))).toEqual({ data: { project: { run: { history: rows } } } })
  })
})

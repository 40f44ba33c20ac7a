import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { parseExtendedJson } from '../../src/internal/extended-json.js'
import { parseJsonPieces } from '../../src/internal/json-pieces.js'

/** `text` cut at the given offsets (sorted, deduplicated, inside the text). */
function cut(text: string, offsets: readonly number[]): string[] {
  const at = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b)
  const pieces: string[] = []
  let from = 0
  for (const to of at) {
    pieces.push(text.slice(from, to))
    from = to
  }
  pieces.push(text.slice(from))
  return pieces
}

/** A history window as W&B sends it: rows as JSON-string lines inside the GraphQL envelope. */
const historyWindow = (rows: readonly unknown[]) =>
  JSON.stringify({ data: { project: { run: { history: rows.map((row) => JSON.stringify(row)) } } } })

/** Strings full of what makes cutting hard: quotes, backslashes, `","`, brackets, non-ASCII. */
const tricky = fc.string({
  unit: fc.constantFrom('"', '\\', ',', '[', ']', '{', '}', 'a', 'é', '😀', '\u0000', '\n', ' '),
  maxLength: 12,
})
const rowArb = fc.record({
  _step: fc.nat(),
  loss: fc.double({ noNaN: true, noDefaultInfinity: true }),
  note: tricky,
})

describe('parseJsonPieces', () => {
  it('gives what JSON.parse of the joined text gives, for history windows cut anywhere (property)', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 0, maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (rows, offsets) => {
          const text = historyWindow(rows)
          expect(parseJsonPieces(cut(text, offsets), JSON.parse)).toEqual(JSON.parse(text))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('gives what JSON.parse gives for any JSON value cut anywhere (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.nat(), { maxLength: 20 }), (value, offsets) => {
        const text = JSON.stringify(value)
        expect(parseJsonPieces(cut(text, offsets), JSON.parse)).toEqual(JSON.parse(text))
      }),
      { numRuns: 300 },
    )
  })

  it('parses a long window in groups, never handing the whole text to the fallback', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      _step: i,
      loss: 1 / (i + 1),
      note: 'a "quoted" \\ word',
    }))
    const text = historyWindow(rows)
    const fallback = vi.fn(JSON.parse)
    const value = parseJsonPieces(
      cut(
        text,
        Array.from({ length: 30 }, (_, i) => i * 9001),
      ),
      fallback,
    )
    expect(fallback).not.toHaveBeenCalled()
    expect(value).toEqual(JSON.parse(text))
  })

  it('falls back to the joined text for other shapes and for bare NaN tokens', () => {
    const objects = JSON.stringify({
      data: { rows: Array.from({ length: 3000 }, (_, i) => ({ a: `x${i}`, b: 'y' })) },
    })
    const fallback = vi.fn(JSON.parse)
    expect(parseJsonPieces(cut(objects, [50_000, 100_000]), fallback)).toEqual(JSON.parse(objects))
    expect(fallback).toHaveBeenCalledTimes(1)

    const withNaN = `{"data":{"history":[${Array.from({ length: 5000 }, () => '"r"').join(',')}],"loss":NaN}}`
    const value = parseJsonPieces(cut(withNaN, [20_000, 40_000]), parseExtendedJson) as {
      data: { loss: number }
    }
    expect(value.data.loss).toBeNaN()
  })

  it('throws what the fallback throws on text that is not JSON', () => {
    const broken = `{"history":[${'"x",'.repeat(30_000)}"y"]`
    expect(() => parseJsonPieces(cut(broken, [60_000]), JSON.parse)).toThrow(SyntaxError)
    expect(() => parseJsonPieces([], JSON.parse)).toThrow(SyntaxError)
  })
})

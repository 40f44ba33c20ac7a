import { describe, expect, it } from 'vitest'
import { parseExtendedJson, stringifyExtendedJson } from '../../src/internal/extended-json.js'

describe('parseExtendedJson', () => {
  it('reads ordinary JSON exactly like JSON.parse', () => {
    const text = '{"a":[1,2.5,"x"],"b":{"c":null,"d":true}}'
    expect(parseExtendedJson(text)).toEqual(JSON.parse(text))
  })

  it('reads bare NaN, Infinity and -Infinity tokens as numbers', () => {
    const row = parseExtendedJson(
      '{"_step":3,"loss":NaN,"grad":Infinity,"lr":-Infinity,"n":[NaN,1]}',
    ) as Record<string, unknown>
    expect(row['loss']).toBeNaN()
    expect(row['grad']).toBe(Infinity)
    expect(row['lr']).toBe(-Infinity)
    expect((row['n'] as number[])[0]).toBeNaN()
    expect(row['_step']).toBe(3)
  })

  it('leaves the same words inside strings alone, escaped quotes included', () => {
    const value = parseExtendedJson('{"a":"NaN","b":"say \\"Infinity\\"","c":NaN}') as Record<string, unknown>
    expect(value['a']).toBe('NaN')
    expect(value['b']).toBe('say "Infinity"')
    expect(value['c']).toBeNaN()
  })

  it('never confuses a real string holding NUL characters with its markers', () => {
    const value = parseExtendedJson('{"a":"\\u0000n","b":"\\u0000\\u0000p","c":-Infinity}') as Record<
      string,
      unknown
    >
    expect(value['a']).toBe('\u0000n')
    expect(value['b']).toBe('\u0000\u0000p')
    expect(value['c']).toBe(-Infinity)
  })

  it('still rejects text that is not JSON at all', () => {
    expect(() => parseExtendedJson('{"a": nope}')).toThrow(SyntaxError)
    expect(() => parseExtendedJson('{"a": NaN')).toThrow(SyntaxError)
  })

  it('round-trips with stringifyExtendedJson', () => {
    const text = stringifyExtendedJson({ a: NaN, b: [Infinity, -Infinity, 1], c: 'NaN' })
    expect(text).toBe('{"a":NaN,"b":[Infinity,-Infinity,1],"c":"NaN"}')
    const back = parseExtendedJson(text) as { a: number; b: number[]; c: string }
    expect(back.a).toBeNaN()
    expect(back.b).toEqual([Infinity, -Infinity, 1])
    expect(back.c).toBe('NaN')
  })
})

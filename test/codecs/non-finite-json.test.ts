import { describe, expect, it } from 'vitest'
import { decode } from '../../src/codecs/decode.js'
import { HistoryRows } from '../../src/codecs/history-response-codec.js'
import { JsonTypedRecord } from '../../src/codecs/json-typed-record.js'
import { reviveNonFinite } from '../../src/codecs/non-finite-json.js'
import { HistoryKeys } from '../../src/codecs/run-node-codec.js'

describe('reviveNonFinite', () => {
  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['nan', 'nan'],
    ['+Infinity', '+Infinity'],
    ['constructor', 'constructor'],
    [1.5, 1.5],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(reviveNonFinite(input)).toEqual(expected)
  })

  it('walks nested objects and lists, copying only what changes', () => {
    const untouched = { a: 1, b: ['x', { c: NaN }] }
    expect(reviveNonFinite(untouched)).toBe(untouched)
    const input = { a: 'NaN', keep: { same: 1 }, b: [1, 'Infinity', { c: '-Infinity' }] }
    const out = reviveNonFinite(input)
    expect(out).toEqual({ a: NaN, keep: { same: 1 }, b: [1, Infinity, { c: -Infinity }] })
    expect(out.keep).toBe(input.keep)
    expect(input.a).toBe('NaN')
  })
})

describe('JSON-typed history values', () => {
  it('an object (JSON field) is revived; a string (JSONString) keeps its strings', () => {
    expect(decode(JsonTypedRecord, { loss: 'NaN' }, 'T')).toEqual({ loss: NaN })
    expect(decode(JsonTypedRecord, '{"loss": NaN, "tag": "NaN"}', 'T')).toEqual({ loss: NaN, tag: 'NaN' })
  })

  it('sampledHistory rows and historyKeys decode to numbers; history lines are as logged', () => {
    const sampled = decode(HistoryRows, [{ _step: 0, loss: '-Infinity', m: { v: 'Infinity' } }], 'S')
    expect(sampled).toEqual([{ _step: 0, loss: -Infinity, m: { v: Infinity } }])
    const lines = decode(HistoryRows, ['{"_step": 0, "loss": NaN, "label": "NaN"}'], 'H')
    expect(lines).toEqual([{ _step: 0, loss: NaN, label: 'NaN' }])
    const keys = { lastStep: 3, keys: { loss: { previousValue: 'NaN' } } }
    expect(decode(HistoryKeys, keys, 'K')).toEqual({ lastStep: 3, keys: { loss: { previousValue: NaN } } })
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FaultInjector } from '../src/faults/fault-injector.js'
import { compileFilter } from '../src/filters/compile-filter.js'
import { compileOrder } from '../src/filters/compile-order.js'
import { UrlSigner } from '../src/files/url-signer.js'
import { parseLogLine } from '../src/graphql/nodes/log-line.js'
import { sweepMetric } from '../src/graphql/nodes/sweep-metric.js'
import { downsample } from '../src/util/downsample.js'
import { parseExtendedJson, stringifyExtended, toStrictJson } from '../src/util/extended-json.js'
import { decodeRunId, encodeId } from '../src/util/opaque-id.js'

describe('extended JSON', () => {
  it('parses bare NaN / Infinity / -Infinity, but not inside strings', () => {
    expect(parseExtendedJson('{"a":NaN,"b":[Infinity,-Infinity],"s":"NaN Infinity","t":"a\\"NaN"}')).toEqual({
      a: NaN,
      b: [Infinity, -Infinity],
      s: 'NaN Infinity',
      t: 'a"NaN',
    })
    expect(() => parseExtendedJson('{"a":NaNa}')).toThrow(SyntaxError)
  })

  it('writes non-finite numbers as bare tokens', () => {
    expect(stringifyExtended({ a: NaN, b: [Infinity, -Infinity, 1], s: 'NaN' })).toBe(
      '{"a":NaN,"b":[Infinity,-Infinity,1],"s":"NaN"}',
    )
  })

  it('makes JSON-typed values strict: non-finite numbers become "NaN" / "Infinity" / "-Infinity" strings', () => {
    const strict = toStrictJson({ a: NaN, b: [Infinity, -Infinity, 1], c: { d: NaN }, s: 'x' })
    expect(strict).toEqual({ a: 'NaN', b: ['Infinity', '-Infinity', 1], c: { d: 'NaN' }, s: 'x' })
    expect(JSON.parse(JSON.stringify(strict))).toEqual(strict)
    const finite = { a: 1, b: [2] }
    expect(toStrictJson(finite)).toBe(finite) // nothing to change: no copy
  })

  it('round-trips any JSON value with non-finite numbers', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null)),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node')),
        fc.dictionary(fc.string(), tie('node')),
      ),
    })).node
    fc.assert(
      fc.property(value, (v) => {
        // -0 becomes 0 in JSON; compare what JSON can carry.
        const normal = parseExtendedJson(stringifyExtended(v))
        expect(stringifyExtended(normal)).toBe(stringifyExtended(v))
      }),
    )
  })
})

describe('downsample', () => {
  it('keeps first and last and spreads evenly', () => {
    const items = Array.from({ length: 10 }, (_, i) => i)
    expect(downsample(items, 4)).toEqual([0, 3, 6, 9])
    expect(downsample(items, 2)).toEqual([0, 9])
    expect(downsample(items, 1)).toEqual([0])
    expect(downsample(items, 0)).toEqual([])
    expect(downsample(items, 50)).toEqual(items)
  })

  it('returns strictly increasing indices, at most `samples`, always first and last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2, max: 600 }), (n, samples) => {
        const out = downsample(
          Array.from({ length: n }, (_, i) => i),
          samples,
        )
        expect(out.length).toBe(Math.min(n, samples))
        expect(out[0]).toBe(0)
        expect(out.at(-1)).toBe(n - 1)
        for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThan(out[i - 1] as number)
      }),
    )
  })
})

describe('small parsers', () => {
  it('parses log lines', () => {
    expect(parseLogLine(3, 'ERROR 2024-01-01T00:00:00.000000 [rank1] boom')).toEqual({
      id: '3',
      number: 3,
      timestamp: '2024-01-01T00:00:00.000000',
      level: 'error',
      label: 'rank1',
      line: 'boom',
    })
    expect(parseLogLine(0, 'no timestamp')).toMatchObject({
      timestamp: null,
      level: 'info',
      line: 'no timestamp',
    })
  })

  it('reads the sweep metric from YAML (block and flow form)', () => {
    expect(sweepMetric('method: bayes\nmetric:\n  goal: maximize\n  name: acc\n')).toEqual({
      name: 'acc',
      goal: 'maximize',
    })
    expect(sweepMetric('metric: {name: "val/loss", goal: minimize}\n')).toEqual({
      name: 'val/loss',
      goal: 'minimize',
    })
    expect(sweepMetric('method: grid\n')).toBeUndefined()
  })

  it('encodes run ids as W&B does and decodes them from the right', () => {
    const id = encodeId('Run', 'abc', 'proj', 'ent')
    expect(Buffer.from(id, 'base64').toString()).toBe('Run:v1:abc:proj:ent')
    expect(decodeRunId(encodeId('Run', 'a:b', 'proj', 'ent'))).toEqual({
      name: 'a:b',
      project: 'proj',
      entity: 'ent',
    })
    expect(decodeRunId(encodeId('Project', 'p', 'e'))).toBeUndefined()
  })
})

describe('filter compilation', () => {
  it('inlines JSON paths as literals (for expression indexes) and binds values', () => {
    const compiled = compileFilter('{"config.lr": {"$gt": 0.5}, "summary_metrics.a.b": "x"}')
    expect(compiled.sql).toContain(`json_extract(r.config, '$."lr"."value"') > ?`)
    expect(compiled.sql).toContain(`json_extract(r.summary, '$."a"."b"') = ?`)
    expect(compiled.params).toEqual([0.5, 'x'])
    expect(compiled.jsonRefs).toEqual([
      { column: 'config', path: '$."lr"."value"' },
      { column: 'summary', path: '$."a"."b"' },
    ])
  })

  it('escapes quotes in keys used as SQL literals', () => {
    expect(compileFilter({ "config.it's": 1 }).sql).toContain(`'$."it''s"."value"'`)
  })

  it('parses order strings', () => {
    expect(compileOrder(null)).toMatchObject({ key: '+created_at', expr: 'r.created_at', desc: false })
    expect(compileOrder('-config.lr')).toMatchObject({
      key: '-config.lr',
      desc: true,
      jsonRef: { column: 'config', path: '$."lr"."value"' },
    })
  })
})

describe('URL signer', () => {
  it('verifies its own signatures until they expire', () => {
    const signer = new UrlSigner('secret', 60)
    const query = new URLSearchParams(signer.sign('get', 7, 1_000_000))
    expect(signer.verify('get', 7, query, 1_000_000)).toBe(true)
    expect(signer.verify('get', 8, query, 1_000_000)).toBe(false)
    expect(signer.verify('put', 7, query, 1_000_000)).toBe(false)
    expect(signer.verify('get', 7, query, 1_000_000 + 61_000)).toBe(false)
    expect(new UrlSigner('other').verify('get', 7, query, 1_000_000)).toBe(false)
  })
})

describe('fault injector', () => {
  it('counts matching requests per rule and honours schedules before rates', () => {
    const injector = new FaultInjector({
      paths: ['/graphql'],
      schedule: [{ request: 2, kind: '503' }],
      rules: [{ operations: ['Runs'], latencyMs: 10 }],
    })
    expect(injector.decide({ path: '/graphql', operationName: 'Runs' })).toEqual({ latencyMs: 10 })
    expect(injector.decide({ path: '/files/a' })).toEqual({ latencyMs: 0 })
    expect(injector.decide({ path: '/graphql' })).toEqual({
      latencyMs: 0,
      fault: { kind: '503', retryAfter: 1 },
    })
    expect(injector.decide({ path: '/graphql' })).toEqual({ latencyMs: 0 })
  })

  it('is deterministic for a seed', () => {
    const draw = () => {
      const injector = new FaultInjector({
        seed: 5,
        rate: 0.3,
        kinds: ['429', '500'],
        latencyMs: { min: 1, max: 9 },
      })
      return Array.from({ length: 50 }, () => injector.decide({ path: '/graphql' }))
    }
    expect(draw()).toEqual(draw())
  })
})

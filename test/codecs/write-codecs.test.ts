import { describe, expect, it } from 'vitest'
import { parseUploadHeaders } from '../../src/codecs/create-run-files-codec.js'
import { parseSweepConfig, sweepMetric } from '../../src/codecs/sweep-config.js'
import { wrapConfig } from '../../src/codecs/wrap-config.js'
import { ResponseDecodeError } from '../../src/errors/response-decode-error.js'

describe('wrapConfig', () => {
  it('wraps each value with desc null and keeps the stored _wandb entry as is', () => {
    const stored = {
      lr: { value: 1 },
      _wandb: { value: { cli_version: '0.19' } },
      wandb_version: { value: 1 },
    }
    expect(wrapConfig({ lr: 0.1, nested: { a: [1] }, gone: undefined }, stored)).toEqual({
      lr: { value: 0.1, desc: null },
      nested: { value: { a: [1] }, desc: null },
      _wandb: { value: { cli_version: '0.19' } },
    })
  })

  it('never lets a user _wandb key through', () => {
    expect(wrapConfig({ _wandb: 'mine', x: null })).toEqual({ x: { value: null, desc: null } })
  })
})

describe('parseUploadHeaders', () => {
  it('splits at the first colon only and skips malformed lines', () => {
    expect(
      parseUploadHeaders([
        'Content-Type:application/octet-stream',
        'x-amz-meta-ts: 12:30:01',
        'bogus',
        ':novalue',
      ]),
    ).toEqual({ 'Content-Type': 'application/octet-stream', 'x-amz-meta-ts': '12:30:01' })
  })
})

describe('parseSweepConfig and sweepMetric', () => {
  it('parses YAML blocks, flow mappings and JSON', () => {
    expect(parseSweepConfig('method: bayes\nmetric:\n  name: val/loss\n  goal: minimize\n')).toEqual({
      method: 'bayes',
      metric: { name: 'val/loss', goal: 'minimize' },
    })
    expect(parseSweepConfig('{"method": "grid", "parameters": {"x": {"values": [1, 2]}}}')).toEqual({
      method: 'grid',
      parameters: { x: { values: [1, 2] } },
    })
    expect(parseSweepConfig('')).toEqual({})
    expect(parseSweepConfig(null)).toEqual({})
  })

  it('rejects text that is not a YAML mapping', () => {
    expect(() => parseSweepConfig('- a\n- b\n')).toThrow(ResponseDecodeError)
    expect(() => parseSweepConfig('a: [unclosed')).toThrow(ResponseDecodeError)
  })

  it('reads the metric with minimize as the default goal', () => {
    expect(sweepMetric({ metric: { name: 'acc', goal: 'maximize' } })).toEqual({
      name: 'acc',
      goal: 'maximize',
    })
    expect(sweepMetric({ metric: { name: 'loss' } })).toEqual({ name: 'loss', goal: 'minimize' })
    expect(sweepMetric({ metric: { goal: 'maximize' } })).toBeUndefined()
    expect(sweepMetric({})).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { compareConfigs } from '../../src/exports/compare-configs.js'
import { runsTable } from '../../src/exports/runs-table.js'
import { testRun } from './make-test-run.js'

const a = testRun({
  id: 'a',
  config: { lr: 0.1, opt: { name: 'adam', beta: 0.9 }, epochs: 3 },
  summary: { loss: 0.5 },
})
const b = testRun({
  id: 'b',
  name: 'bee',
  state: 'crashed',
  config: { lr: 0.01, opt: { name: 'adam' }, epochs: 3 },
  summary: { loss: NaN, acc: 0.9 },
})

describe('runsTable', () => {
  it('has default columns: identity, then every config.* and summary.* sorted', () => {
    const table = runsTable([a, b])
    expect(table.columns).toEqual([
      'id',
      'name',
      'state',
      'createdAt',
      'config.epochs',
      'config.lr',
      'config.opt.beta',
      'config.opt.name',
      'summary.acc',
      'summary.loss',
    ])
    expect(table.rows[1]).toMatchObject({
      id: 'b',
      name: 'bee',
      state: 'crashed',
      'config.lr': 0.01,
      'summary.acc': 0.9,
    })
    expect(table.rows[1]?.['config.opt.beta']).toBeUndefined()
    expect(table.rows[0]?.['createdAt']).toBe('2024-05-01T00:00:00.000Z')
  })

  it('selects columns and prefixes in the order given', () => {
    const table = runsTable([a, b], { columns: ['summary.loss', 'name', 'config.opt.*'] })
    expect(table.columns).toEqual(['summary.loss', 'name', 'config.opt.beta', 'config.opt.name'])
    expect(table.rows[1]).toEqual({
      'summary.loss': NaN,
      name: 'bee',
      'config.opt.beta': undefined,
      'config.opt.name': 'adam',
    })
  })
})

describe('compareConfigs', () => {
  it('keeps keys that differ side by side and reports the shared ones', () => {
    const result = compareConfigs([a, b])
    expect(result.runs).toEqual([
      { id: 'a', name: 'a' },
      { id: 'b', name: 'bee' },
    ])
    expect(result.differences).toEqual([
      { key: 'lr', values: [0.1, 0.01] },
      { key: 'opt.beta', values: [0.9, undefined] },
    ])
    expect(result.shared).toEqual({ epochs: 3, 'opt.name': 'adam' })
  })

  it('compares by value, so equal arrays and NaNs are shared', () => {
    const x = testRun({ id: 'x', config: { layers: [1, 2], v: NaN } })
    const y = testRun({ id: 'y', config: { layers: [1, 2], v: NaN } })
    expect(compareConfigs([x, y]).differences).toEqual([])
  })
})

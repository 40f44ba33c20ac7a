import { describe, expect, it } from 'vitest'
import { groupPaths } from '../../dashboard/group-paths.js'
import { makeRun } from '../../src/testing/make-run.js'

describe('groupPaths (the dashboard chart group-by choices)', () => {
  it('offers group and jobType when some run has one, then the plain config values, nested dotted', () => {
    const runs = [
      makeRun({ config: { lr: 0.1, opt: { name: 'adam', betas: [0.9, 0.99] } } }),
      makeRun({ config: { lr: 1, seed: 3, note: null }, group: 'g1' }),
    ]
    expect(groupPaths(runs)).toEqual(['group', 'config.lr', 'config.opt.name', 'config.seed'])
    expect(groupPaths([])).toEqual([])
  })
})

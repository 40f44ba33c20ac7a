import { describe, expect, it } from 'vitest'
import { parseProjectPath, parseRunPath } from '../../src/api/run-path.js'
import { PathError } from '../../src/errors/path-error.js'

describe('parseRunPath', () => {
  it.each([
    ['team/mnist/abc123', { entity: 'team', project: 'mnist', id: 'abc123' }],
    ['team/mnist/runs/abc123', { entity: 'team', project: 'mnist', id: 'abc123' }],
    ['/team/mnist/abc123/ ', { entity: 'team', project: 'mnist', id: 'abc123' }],
    ['team/mnist:abc123', { entity: 'team', project: 'mnist', id: 'abc123' }],
    ['mnist/abc123', { entity: undefined, project: 'mnist', id: 'abc123' }],
    ['mnist:abc123', { entity: undefined, project: 'mnist', id: 'abc123' }],
    ['abc123', { entity: undefined, project: undefined, id: 'abc123' }],
    ['team/runs/abc123', { entity: 'team', project: 'runs', id: 'abc123' }],
    ['team/sweeps/runs/abc123', { entity: 'team', project: 'sweeps', id: 'abc123' }],
    ['https://wandb.ai/team/mnist/runs/abc123', { entity: 'team', project: 'mnist', id: 'abc123' }],
    [
      'https://wandb.ai/team/mnist/runs/abc123?workspace=user-x#chart',
      { entity: 'team', project: 'mnist', id: 'abc123' },
    ],
    ['http://127.0.0.1:8080/team/my%20proj/runs/abc', { entity: 'team', project: 'my proj', id: 'abc' }],
    ['https://wandb.example.com/team/mnist/sweeps/sw1', { entity: 'team', project: 'mnist', id: 'sw1' }],
  ])('%s', (path, expected) => {
    expect(parseRunPath(path)).toEqual(expected)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a/b/c/d', 'at most 3 parts'],
    ['team//abc', 'part 2 is empty (missing project)'],
    ['mnist:', 'missing run id'],
    [':abc', 'missing project'],
    ['a:b:c', 'more than one ":"'],
    ['https://wandb.ai/team/mnist/reports/x', 'at most 3 parts'],
  ])('rejects %j with a PathError saying what is wrong', (path, reason) => {
    let error: unknown
    try {
      parseRunPath(path)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PathError)
    expect((error as PathError).path).toBe(path)
    expect((error as PathError).message).toContain(reason)
  })
})

describe('parseProjectPath', () => {
  it.each([
    ['mnist', { entity: undefined, project: 'mnist' }],
    ['team/mnist', { entity: 'team', project: 'mnist' }],
    ['https://wandb.ai/team/mnist', { entity: 'team', project: 'mnist' }],
  ])('%s', (path, expected) => expect(parseProjectPath(path)).toEqual(expected))

  it('rejects three parts', () => expect(() => parseProjectPath('a/b/c')).toThrow(PathError))
})

import { describe, expect, it } from 'vitest'
import { isRegistryProject, parseArtifactPath } from '../../src/api/artifact-path.js'
import { PathError } from '../../src/errors/path-error.js'

describe('parseArtifactPath', () => {
  it.each([
    ['digits', { entity: undefined, project: undefined, collection: 'digits', alias: undefined }],
    ['digits:v3', { entity: undefined, project: undefined, collection: 'digits', alias: 'v3' }],
    ['mnist/digits:best', { entity: undefined, project: 'mnist', collection: 'digits', alias: 'best' }],
    ['team/mnist/digits:latest', { entity: 'team', project: 'mnist', collection: 'digits', alias: 'latest' }],
    // Split at the first ':' first: the alias may hold '/' and ':'.
    ['team/mnist/digits:a/b:c', { entity: 'team', project: 'mnist', collection: 'digits', alias: 'a/b:c' }],
    [
      ' acme/wandb-registry-model/cnn:v0 ',
      { entity: 'acme', project: 'wandb-registry-model', collection: 'cnn', alias: 'v0' },
    ],
  ])('%s', (text, expected) => {
    expect(parseArtifactPath(text)).toEqual(expected)
  })

  it.each(['', '   ', 'a/b/c/d:v0', 'a//b:v0', '/b:v0', 'digits:'])('rejects %j', (text) => {
    expect(() => parseArtifactPath(text)).toThrow(PathError)
  })

  it('recognises registry projects', () => {
    expect(isRegistryProject('wandb-registry-model')).toBe(true)
    expect(isRegistryProject('wandb-registry-')).toBe(false)
    expect(isRegistryProject('mnist')).toBe(false)
    expect(isRegistryProject(undefined)).toBe(false)
  })
})

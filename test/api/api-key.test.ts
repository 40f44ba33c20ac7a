import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { findApiKey } from '../../src/api/api-key.js'

describe('findApiKey precedence: option → WANDB_API_KEY → .netrc', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wandb-rx-key-'))
    await writeFile(join(dir, 'netrc'), 'machine 127.0.0.1:7777 login api password from-netrc')
    vi.stubEnv('NETRC', join(dir, 'netrc'))
    vi.stubEnv('HOME', dir)
  })
  afterEach(async () => {
    vi.unstubAllEnvs()
    await rm(dir, { recursive: true, force: true })
  })

  it('uses the option first', async () => {
    vi.stubEnv('WANDB_API_KEY', 'from-env')
    expect(await findApiKey('from-option', 'http://127.0.0.1:7777')).toBe('from-option')
  })

  it('then the environment', async () => {
    vi.stubEnv('WANDB_API_KEY', 'from-env')
    expect(await findApiKey(undefined, 'http://127.0.0.1:7777')).toBe('from-env')
  })

  it('then .netrc for the base URL host:port', async () => {
    vi.stubEnv('WANDB_API_KEY', '')
    expect(await findApiKey(undefined, 'http://127.0.0.1:7777')).toBe('from-netrc')
    expect(await findApiKey(undefined, 'http://127.0.0.1:7778')).toBeUndefined()
  })
})

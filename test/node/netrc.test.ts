import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { netrcPassword, parseNetrc } from '../../src/node/netrc.js'

describe('parseNetrc', () => {
  it('reads machine entries across lines, skipping macros and accounts', () => {
    const text = [
      'machine api.wandb.ai',
      '  login user',
      '  password key-one',
      'macdef init',
      'cd /pub',
      '',
      'machine localhost:8080 login api account x password key-two',
      'default login anon password fallback',
    ].join('\n')
    expect(parseNetrc(text)).toEqual([
      { machine: 'api.wandb.ai', login: 'user', password: 'key-one' },
      { machine: 'localhost:8080', login: 'api', password: 'key-two' },
      { machine: null, login: 'anon', password: 'fallback' },
    ])
  })
})

describe('netrcPassword', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wandb-rx-netrc-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('finds the key for host:port in $NETRC', async () => {
    const file = join(dir, 'custom-netrc')
    await writeFile(
      file,
      'machine 127.0.0.1:9999 login api password the-key\nmachine api.wandb.ai login api password other',
    )
    expect(await netrcPassword('127.0.0.1:9999', { NETRC: file, HOME: dir })).toBe('the-key')
    expect(await netrcPassword('api.wandb.ai', { NETRC: file, HOME: dir })).toBe('other')
    expect(await netrcPassword('elsewhere:1', { NETRC: file, HOME: dir })).toBeUndefined()
  })

  it('falls back to ~/.netrc, then ~/_netrc', async () => {
    await writeFile(join(dir, '_netrc'), 'machine h password underscore')
    expect(await netrcPassword('h', { HOME: dir })).toBe('underscore')
    await writeFile(join(dir, '.netrc'), 'machine h password dot')
    expect(await netrcPassword('h', { HOME: dir })).toBe('dot')
  })

  it('gives undefined when there is no file', async () => {
    expect(await netrcPassword('h', { HOME: dir })).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { isUnderBaseUrl } from '../../src/transport/credential-scope.js'
import { redactSecrets, redactUrl } from '../../src/transport/redact.js'

describe('isUnderBaseUrl', () => {
  it.each([
    ['https://api.wandb.ai/graphql', 'https://api.wandb.ai', true],
    ['https://api.wandb.ai:443/files/e/p/r/x', 'https://api.wandb.ai', true],
    ['https://host/wandb/graphql', 'https://host/wandb/', true],
    ['https://host/wandb', 'https://host/wandb', true],
    ['https://host/wandbx/graphql', 'https://host/wandb', false],
    ['http://api.wandb.ai/graphql', 'https://api.wandb.ai', false],
    ['https://api.wandb.ai:8443/graphql', 'https://api.wandb.ai', false],
    ['https://storage.googleapis.com/bucket/f?sig=1', 'https://api.wandb.ai', false],
    ['https://api.wandb.ai.evil.com/graphql', 'https://api.wandb.ai', false],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8081', false],
    ['not a url', 'https://api.wandb.ai', false],
  ])('%s under %s: %s', (url, base, expected) => expect(isUnderBaseUrl(url, base)).toBe(expected))
})

describe('redaction', () => {
  it('blanks query values and user-info in URLs', () => {
    expect(redactUrl('https://u:p@s3.example/f?X-Amz-Signature=abc&x=1')).toBe(
      'https://s3.example/f?X-Amz-Signature=REDACTED&x=REDACTED',
    )
  })

  it('removes a secret and its Basic-auth form from text', () => {
    const key = 'local-0123456789abcdef0123456789abcdef01234567'
    const text = `echo ${key} and Basic ${btoa(`api:${key}`)}`
    const clean = redactSecrets(text, [key])
    expect(clean).not.toContain(key)
    expect(clean).not.toContain(btoa(`api:${key}`))
  })
})

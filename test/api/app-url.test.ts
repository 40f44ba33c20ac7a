import { describe, expect, it } from 'vitest'
import { appUrlFor } from '../../src/api/app-url.js'

describe('appUrlFor', () => {
  it.each([
    ['https://api.wandb.ai', 'https://wandb.ai'],
    ['https://api.wandb.test', 'https://app.wandb.test'],
    ['https://api.example.com', 'https://app.example.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://wandb.mycorp.internal', 'https://wandb.mycorp.internal'],
  ])('%s → %s', (base, app) => expect(appUrlFor(base)).toBe(app))

  it('lets WANDB_APP_URL win', () =>
    expect(appUrlFor('https://api.wandb.ai', 'https://x.io/')).toBe('https://x.io'))
})

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { withServer } from './helpers.js'

let srv: RunningServer
let bare: RunningServer
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wandb-rx-dashboard-'))
  const dir = join(root, 'site')
  mkdirSync(dir)
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="app.js"></script>')
  writeFileSync(join(dir, 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, '.env'), 'hidden')
  writeFileSync(join(root, 'secret.js'), 'outside')
  srv = await withServer({ dashboard: dir })
  bare = await withServer()
})
afterAll(async () => {
  await srv.close()
  await bare.close()
})

describe('the dashboard directory at /', () => {
  it('serves index.html at / and the files next to it, with their types', async () => {
    const page = await fetch(`${srv.url}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('app.js')
    const script = await fetch(`${srv.url}/app.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
  })

  it('serves nothing outside it, hidden or nested, and nothing when none is configured', async () => {
    for (const path of ['/..%2Fsecret.js', '/%2e%2e/secret.js', '/.env', '/missing.js', '/a/app.js'])
      expect((await fetch(`${srv.url}${path}`)).status, path).toBe(404)
    expect((await fetch(`${bare.url}/`)).status).toBe(404)
    expect((await fetch(`${srv.url}/graphql`, { method: 'GET' })).status).toBe(405) // the API still wins
  })
})

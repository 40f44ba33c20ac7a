import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Api } from 'wandb-rx'
import { makeRows, RunWriter, upsertRun } from '../support/local-run-writer.js'
import { PROJECT, startFixture } from './cli-fixture.js'
import { finished, startCli } from './cli-process.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
beforeAll(async () => void (fixture = await startFixture()))
afterAll(() => fixture.server.close())

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('wandb-rx watch', () => {
  it('follows a running run, printing its rows and state, and exits 0 when it ends', async () => {
    await upsertRun(fixture.server, PROJECT, 'live')
    const writer = new RunWriter(fixture.server, PROJECT, 'live')
    await writer.log(makeRows(5), { loss: 0.005 })
    const child = startCli(
      [...fixture.base, 'watch', `${fixture.project}/live`, '--keys', 'loss', '--interval-ms', '200'],
      fixture.env,
    )
    const done = finished(child)
    // Keep logging until the watcher has printed something, then finish the run.
    const lines = createInterface({ input: child.stdout! })
    const seen = new Promise<void>((resolve) =>
      lines.on('line', (line) => line.startsWith('step ') && resolve()),
    )
    let next = 5
    while (!(await Promise.race([seen.then(() => true), sleep(300).then(() => false)]))) {
      await writer.log(makeRows(5, ['loss', 'acc'], next))
      next += 5
    }
    await writer.log(makeRows(5, ['loss', 'acc'], next))
    await writer.finish()
    const result = await done
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^watching local\/cli-test\/live \(live\): running/)
    expect(result.stdout).toContain('run ended: finished')
    expect(result.stdout).toMatch(new RegExp(`live \\(live\\)  finished  step ${next + 4}  rows ${next + 5}`))
    expect(result.stdout).toMatch(/\n {2}loss +[\d.]+ +[▁▂▃▄▅▆▇█]+\n/)
    expect(result.stdout).not.toMatch(/\n {2}acc /)
  }, 120_000)
})

describe('wandb-rx serve', () => {
  it('starts the local server, prints its URL first, answers the API, and stops on SIGINT', async () => {
    const child = startCli([
      'serve',
      '--port',
      '0',
      '--db',
      ':memory:',
      '--seed',
      'demo',
      '--log-level',
      'silent',
    ])
    const done = finished(child)
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
    const url = String((await lines.next()).value)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const key = /WANDB_API_KEY=(\S+)/.exec(String((await lines.next()).value))?.[1] ?? ''
    const me = await new Api({ baseUrl: url, apiKey: key }).viewer()
    expect(me.entity).toBe('local')
    // The dashboard's URL carries the key in its fragment; the page appears once it is built.
    expect(String((await lines.next()).value)).toBe(`  dashboard: ${url}/#key=${key}`)
    await vi.waitFor(
      async () => {
        const page = await fetch(`${url}/`)
        expect(page.headers.get('content-type')).toMatch(/^text\/html/)
        expect(await page.text()).toContain('<script type="module" src="app.js">')
      },
      { timeout: 60_000, interval: 500 },
    )
    expect((await fetch(`${url}/app.js`)).status).toBe(200)
    expect((await fetch(`${url}/../package.json`)).status).toBe(404)
    child.kill('SIGINT')
    const result = await done
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('wandb-rx-server stopped')
  }, 120_000)
})

import { mkdirSync } from 'node:fs'
import { lastValueFrom, toArray } from 'rxjs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'
import { Api } from '../../src/index.js'
import { bundleCore } from '../support/bundle-core.js'
import { chromiumMissing, launchChromium, pageErrors } from '../support/chromium.js'
import { logRun } from '../support/local-run-writer.js'
import { serveStatic, type StaticSite } from '../support/static-site.js'

if (chromiumMissing) console.warn(`skipping the browser tests: ${chromiumMissing}`)
const SHOTS = 'build/browser-screenshots'

/** What the page and Node both compute: a filtered, ordered runs query and a full scanHistory. */
const FILTER = { 'config.lr': { $lt: 0.5 }, state: 'finished' }
const ORDER = '-summary.loss'

describe.runIf(!chromiumMissing)('the core in Chromium, on another origin than the server', () => {
  let srv: Awaited<ReturnType<typeof startServer>>
  let site: StaticSite
  let browser: BrowserContext
  let page: Page
  let errors: string[] = []

  beforeAll(async () => {
    srv = await startServer({ port: 0 })
    for (const [i, lr] of [0.1, 0.3, 0.7, 0.2].entries())
      await logRun(srv, {
        project: 'xo',
        name: `run-${i}`,
        rows: 300 + i * 50,
        config: { lr },
        summary: { loss: 1 - lr },
      })
    const { code } = await bundleCore('browser')
    site = await serveStatic({
      '/': {
        type: 'text/html',
        body: '<!doctype html><title>page</title><link rel="icon" href="data:,"><script type="module" src="/core.js"></script>',
      },
      '/core.js': { type: 'text/javascript', body: `${code}\nwindow.wandbRx = { Api };` },
    })
    browser = await launchChromium()
    page = await browser.newPage()
    errors = pageErrors(page)
    await page.goto(site.url)
    await page.waitForFunction(() => 'wandbRx' in window)
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await srv?.close()
  })

  it('runs a filtered, ordered query and a full scanHistory, with the same results as Node', async () => {
    expect(new URL(site.url).origin).not.toBe(new URL(srv.url).origin)
    const inPage = await page.evaluate(
      async ({ url, key, path, filter, order }) => {
        const { Api } = (window as unknown as { wandbRx: typeof import('../../src/index.js') }).wandbRx
        const api = new Api({ baseUrl: url, apiKey: key })
        const runs = await api.runs(path).where(filter).orderBy(order).toArray()
        const first = runs[0]!
        const rows: unknown[] = []
        await new Promise<void>((done, fail) =>
          api
            .run(first.path)
            .scanHistory({ pageSize: 100 })
            .subscribe({ next: (r) => rows.push(r), error: fail, complete: done }),
        )
        return JSON.stringify({ runs, rows })
      },
      { url: srv.url, key: srv.apiKey, path: `${srv.entity}/xo`, filter: FILTER, order: ORDER },
    )
    const api = new Api({ baseUrl: srv.url, apiKey: srv.apiKey })
    const runs = await api.runs(`${srv.entity}/xo`).where(FILTER).orderBy(ORDER).toArray()
    const rows = await lastValueFrom(api.run(runs[0]!.path).scanHistory({ pageSize: 100 }).pipe(toArray()))
    const fromPage = JSON.parse(inPage) as { runs: { name: string }[]; rows: unknown[] }
    expect(fromPage.runs.map((r) => r.name)).toEqual(['run-0', 'run-3', 'run-1'])
    expect(fromPage.rows).toHaveLength(300)
    expect(inPage).toBe(JSON.stringify({ runs, rows }))
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: `${SHOTS}/cross-origin-page.png` })
    expect(errors).toEqual([])
  })

  it('refuses a Node-only call with NodeOnlyError naming wandb-rx/node', async () => {
    const refused = await page.evaluate(
      async ({ url, key, path }) => {
        const { Api } = (window as unknown as { wandbRx: typeof import('../../src/index.js') }).wandbRx
        const file = await new Api({ baseUrl: url, apiKey: key })
          .run(path)
          .uploadFile('/etc/hostname')
          .catch((e: Error) => e)
        return { name: (file as Error).name, message: (file as Error).message }
      },
      { url: srv.url, key: srv.apiKey, path: `${srv.entity}/xo/run-0` },
    )
    expect(refused.name).toBe('NodeOnlyError')
    expect(refused.message).toContain("'wandb-rx/node'")
  })
})

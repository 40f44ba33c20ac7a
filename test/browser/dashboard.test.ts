import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDashboard } from '../../dashboard/build.js'
import { startServer } from '../../server/src/index.js'
import { chromiumMissing, launchChromium, pageErrors } from '../support/chromium.js'
import { logRun, makeRows, type RunWriter } from '../support/local-run-writer.js'

if (chromiumMissing) console.warn(`skipping the dashboard browser test: ${chromiumMissing}`)
const SHOTS = 'build/browser-screenshots'

/** The seeded project: three finished runs and one still running. */
const RUNS = [
  { name: 'alpha', lr: 0.1, optimizer: 'adam', rows: 40 },
  { name: 'beta', lr: 0.2, optimizer: 'adam', rows: 30 },
  { name: 'gamma', lr: 0.4, optimizer: 'sgd', rows: 20 },
] as const
const LIVE_ROWS = 10

describe.runIf(!chromiumMissing)('the dashboard in Chromium', () => {
  let srv: Awaited<ReturnType<typeof startServer>>
  let browser: BrowserContext
  let page: Page
  let live: RunWriter
  let errors: string[] = []
  const rows = () => page.locator('#runs tbody tr')
  const points = async () => Number(await page.getAttribute('#chart', 'data-points'))

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wandb-rx-dashboard-test-'))
    await buildDashboard(dir, { minify: false })
    srv = await startServer({ port: 0, dashboard: dir })
    for (const run of RUNS)
      await logRun(srv, {
        project: 'dash',
        name: run.name,
        rows: run.rows,
        config: { lr: run.lr, optimizer: run.optimizer },
      })
    live = await logRun(srv, {
      project: 'dash',
      name: 'delta',
      rows: LIVE_ROWS,
      config: { lr: 0.8, optimizer: 'sgd' },
      complete: false,
    })
    browser = await launchChromium()
    page = await browser.newPage()
    errors = pageErrors(page)
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await srv?.close()
  })

  it('takes the key from the URL fragment and lists the projects', async () => {
    await page.goto(`${srv.url}/#key=${srv.apiKey}`)
    await page.locator('#projects a[data-project="dash"]').click()
    expect(new URL(page.url()).hash).toBe('') // the key left the address bar…
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1) // …for this tab's storage
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(4)
    expect(await page.locator('#runs .badge.state-running').count()).toBe(1)
  })

  it('charts the metric of the selected runs (every logged point)', async () => {
    expect(await page.inputValue('#metric')).toBe('loss')
    const all = RUNS.reduce((n, r) => n + r.rows, LIVE_ROWS)
    await expect.poll(points, { timeout: 15_000 }).toBe(all)
    await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true })
  })

  it('groups the chart by a config key: a mean line and band per group, and a legend of groups', async () => {
    const legend = () => page.locator('#chart-legend li').allTextContents()
    expect(await page.locator('#group-by option').allTextContents()).toEqual([
      'none',
      'config.lr',
      'config.optimizer',
    ])
    await page.selectOption('#group-by', 'config.optimizer')
    await expect.poll(legend, { timeout: 10_000 }).toEqual(['adam 2 runs', 'sgd 2 runs'])
    expect(await page.locator('#chart .u-legend').count()).toBe(0) // the groups' legend replaces uPlot's
    await page.screenshot({ path: `${SHOTS}/dashboard-grouped.png`, fullPage: true })
    await page.selectOption('#group-by', '')
    await expect.poll(legend, { timeout: 10_000 }).toEqual([])
    await expect.poll(() => page.locator('#chart .u-legend .u-series').count()).toBe(5) // _step + 4 runs
  })

  it('sorts by a column', async () => {
    await page.locator('#runs th[data-column="Name"]').click()
    expect(await page.locator('#runs tbody .run-name').allTextContents()).toEqual([
      'alpha',
      'beta',
      'delta',
      'gamma',
    ])
    await page.locator('#runs th[data-column="Name"]').click()
    expect(await page.locator('#runs tbody .run-name').allTextContents()).toEqual([
      'gamma',
      'delta',
      'beta',
      'alpha',
    ])
  })

  it('narrows the table with a --where filter and shows filter errors inline', async () => {
    await page.fill('#filter', '{"summary.loss": {"$foo": 1}}')
    await page.click('#filter-form button')
    await expect.poll(() => page.textContent('#filter-error'), { timeout: 10_000 }).toMatch(/\$foo/)
    expect(await rows().count()).toBe(4) // a bad filter changes nothing
    await page.fill('#filter', '{"config.lr": {"$gte": 0.2}}')
    await page.click('#filter-form button')
    await expect
      .poll(() => page.locator('#runs tbody .run-name').allTextContents(), { timeout: 10_000 })
      .toEqual(['gamma', 'delta', 'beta'])
    expect(await page.textContent('#filter-error')).toBe('')
    await expect.poll(points, { timeout: 10_000 }).toBe(RUNS[1].rows + RUNS[2].rows + LIVE_ROWS)
  })

  it('shows rows logged while the page is open, and new runs, within a few polls', async () => {
    await live.log(makeRows(15, ['loss', 'acc'], LIVE_ROWS))
    await expect.poll(points, { timeout: 15_000 }).toBe(RUNS[1].rows + RUNS[2].rows + LIVE_ROWS + 15)
    await logRun(srv, { project: 'dash', name: 'epsilon', rows: 5, config: { lr: 0.9 } })
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(4)
    await page.screenshot({ path: `${SHOTS}/dashboard-live.png`, fullPage: true })
  })

  it('opens a run: config, summary and files', async () => {
    await page.locator('#runs .run-name', { hasText: 'gamma' }).click()
    await expect.poll(() => page.textContent('#details h2'), { timeout: 10_000 }).toContain('gamma')
    expect(await page.textContent('#details')).toContain('"lr": 0.4')
    await expect.poll(() => page.textContent('#details .files'), { timeout: 10_000 }).toMatch(/\S/)
    expect(errors).toEqual([])
  })
})

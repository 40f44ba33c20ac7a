import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../src/index.js'
import { gqlOk, withServer } from './helpers.js'

const LOGGER = fileURLToPath(new URL('./fixtures/wandb-sdk-logger.mjs', import.meta.url))
const ROWS = 120

let srv: RunningServer
beforeAll(async () => {
  srv = await withServer()
})
afterAll(() => srv.close())

function runLogger(mode: 'env' | 'settings', id: string) {
  const { WANDB_BASE_URL: _u, WANDB_API_KEY: _k, ...env } = process.env
  const target =
    mode === 'env'
      ? { WANDB_BASE_URL: srv.url, WANDB_API_KEY: srv.apiKey }
      : { WANDB_RX_URL: srv.url, WANDB_RX_KEY: srv.apiKey }
  return promisify(execFile)(process.execPath, [LOGGER, 'sdk-compat', id, String(ROWS), mode], {
    env: { ...env, ...target, WANDB_SILENT: 'true' },
    timeout: 60_000,
  })
}

describe('@wandb/sdk (official JS logger) compatibility', () => {
  it('logs init → log → finish into the server; the run and every row read back over GraphQL', async () => {
    const results = await Promise.all([runLogger('env', 'sdkenv01'), runLogger('settings', 'sdkset01')])
    for (const { stdout } of results) expect(stdout).toContain('done')
    for (const [id, mode] of [
      ['sdkenv01', 'env'],
      ['sdkset01', 'settings'],
    ] as const) {
      const data = await gqlOk(
        srv,
        `query($id: String!) { project(name: "sdk-compat", entityName: "local") { run(name: $id) {
          name displayName state config summaryMetrics historyLineCount historyKeys history(samples: 1000)
          user { username } } } }`,
        { id },
      )
      const run = data.project.run
      expect(run).toMatchObject({
        name: id,
        displayName: `sdk-${mode}`,
        state: 'finished',
        historyLineCount: ROWS,
      })
      expect(run.user.username).toBe('local')
      // The logger sends a plain config; it is stored in the wrapped form.
      expect(JSON.parse(run.config)).toEqual({
        lr: { value: 0.01 },
        layers: { value: [64, 32] },
        model: { value: { kind: 'mlp' } },
      })
      const rows = run.history.map((line: string) => JSON.parse(line))
      expect(rows.map((r: any) => r._step)).toEqual(Array.from({ length: ROWS }, (_, i) => i))
      expect(rows.map((r: any) => r.loss)).toEqual(Array.from({ length: ROWS }, (_, i) => 1 / (i + 1)))
      expect(rows[7].nested).toEqual({ v: 7 })
      expect(run.historyKeys.lastStep).toBe(ROWS - 1)
      expect(JSON.parse(run.summaryMetrics)).toMatchObject({ loss: 1 / ROWS, _step: ROWS - 1 })
    }
  }, 90_000)
})

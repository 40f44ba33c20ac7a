import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startServer, type RunningServer } from 'wandb-rx-server'
import { Api } from '../../src/api/api.js'
import { AuthError } from '../../src/errors/auth-error.js'
import { NotFoundError } from '../../src/errors/not-found-error.js'
import { PathError } from '../../src/errors/path-error.js'
import { logRun } from '../support/local-run-writer.js'

let srv: RunningServer

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  await logRun(srv, {
    project: 'mnist',
    name: 'run-a',
    rows: 5,
    config: { lr: 0.01, optimizer: 'adam' },
    summary: { loss: 0.5 },
  })
})
afterAll(() => srv.close())
afterEach(() => vi.unstubAllEnvs())

const api = () => new Api({ baseUrl: srv.url, apiKey: srv.apiKey })

describe('Api', () => {
  it('gets a run by every path form, with the default entity from the viewer', async () => {
    const client = api()
    for (const path of [
      `${srv.entity}/mnist/run-a`,
      `${srv.entity}/mnist/runs/run-a`,
      'mnist/run-a',
      'mnist:run-a',
      `${srv.url}/${srv.entity}/mnist/runs/run-a`,
    ]) {
      const run = await client.run(path).get()
      expect(run).toMatchObject({
        id: 'run-a',
        entity: srv.entity,
        project: 'mnist',
        path: `${srv.entity}/mnist/run-a`,
        state: 'finished',
        config: { lr: 0.01, optimizer: 'adam' },
        summary: { loss: 0.5 },
        lastHistoryStep: 4,
        historyLineCount: 5,
      })
      expect(run.url).toBe(`${srv.url}/${srv.entity}/mnist/runs/run-a`)
    }
  })

  it('uses WANDB_PROJECT and WANDB_ENTITY when the path leaves them out', async () => {
    vi.stubEnv('WANDB_PROJECT', 'mnist')
    vi.stubEnv('WANDB_ENTITY', srv.entity)
    const client = api()
    expect((await client.run('run-a').get()).path).toBe(`${srv.entity}/mnist/run-a`)
    expect(client.stats().requests).toBe(1) // no viewer lookup: the entity came from the environment
  })

  it('reads WANDB_BASE_URL and WANDB_API_KEY when no options are given', async () => {
    vi.stubEnv('WANDB_BASE_URL', `${srv.url}/`)
    vi.stubEnv('WANDB_API_KEY', srv.apiKey)
    const client = new Api()
    expect(client.baseUrl).toBe(srv.url)
    expect((await client.viewer()).entity).toBe(srv.entity)
  })

  it('caches runs per path until flush()', async () => {
    const client = api()
    const first = await client.run(`${srv.entity}/mnist/run-a`).get()
    const requests = client.stats().requests
    expect(await client.run(`${srv.entity}/mnist/run-a`).get()).toBe(first)
    expect(client.stats().requests).toBe(requests)
    client.flush()
    const again = await client.run(`${srv.entity}/mnist/run-a`).get()
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })

  it('rejects a missing run or project with NotFoundError', async () => {
    const client = api()
    await expect(client.run(`${srv.entity}/mnist/nope`).get()).rejects.toBeInstanceOf(NotFoundError)
    const error = await client
      .run(`${srv.entity}/no-such-project/x`)
      .get()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).path).toBe(`${srv.entity}/no-such-project/x`)
  })

  it('throws PathError synchronously for malformed paths', () => {
    expect(() => api().run('a/b/c/d')).toThrow(PathError)
  })

  it('rejects a wrong key with AuthError', async () => {
    const error = await new Api({
      baseUrl: srv.url,
      apiKey: 'local-nopenopenopenopenopenopenopenopenopenope',
    })
      .viewer()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthError)
  })
})

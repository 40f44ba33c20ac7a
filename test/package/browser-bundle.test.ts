import { mkdtempSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logArtifact, startServer } from '../../server/src/index.js'
import { Api } from '../../src/index.js'
import { bundleCore } from '../support/bundle-core.js'
import { logRun } from '../support/local-run-writer.js'

type Server = Awaited<ReturnType<typeof startServer>>
type Core = typeof import('../../src/index.js')
let srv: Server
let web: Core

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  for (const [name, rows] of [
    ['a', 3],
    ['b', 5],
    ['c', 1],
  ] as const)
    await logRun(srv, { project: 'web', name, rows, config: { lr: rows / 10 } })
  await logArtifact(srv, {
    entity: srv.entity,
    project: 'web',
    type: 'dataset',
    name: 'tiny',
    files: { 'x.txt': 'x' },
  })
  // The browser bundle, loaded into this Node process: it runs on fetch alone.
  const { code } = await bundleCore('browser')
  const file = join(mkdtempSync(join(tmpdir(), 'wandb-rx-bundle-')), 'core.mjs')
  writeFileSync(file, code)
  web = (await import(pathToFileURL(file).href)) as Core
})
afterAll(() => srv.close())

describe('the core bundled for browsers', () => {
  it.each(['browser', 'neutral'] as const)(
    'bundles for %s with no Node built-in and no src/node file',
    async (p) => {
      const { inputs } = await bundleCore(p)
      expect(inputs.filter((i) => builtins.has(i) || i.includes('src/node/'))).toEqual([])
      expect(inputs.some((i) => i.endsWith('src/platform/web-platform.ts'))).toBe(true)
    },
  )

  it('queries like the Node build does', async () => {
    const query = (api: InstanceType<Core['Api']>) =>
      api
        .runs(`${srv.entity}/web`)
        .where({ 'config.lr': { $gte: 0.3 } })
        .orderBy('-config.lr')
        .toArray()
    const options = { baseUrl: srv.url, apiKey: srv.apiKey }
    const fromBundle = await query(new web.Api(options))
    expect(fromBundle.map((r) => r.name)).toEqual(['b', 'a'])
    expect(JSON.stringify(fromBundle)).toBe(JSON.stringify(await query(new Api(options))))
  })

  it('refuses disk operations with NodeOnlyError naming the Node entry point', async () => {
    const api = new web.Api({ baseUrl: srv.url, apiKey: srv.apiKey })
    const artifact = await api.artifact(`${srv.entity}/web/tiny:latest`)
    const refused = await artifact.download({ root: '/tmp/never' }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(web.NodeOnlyError)
    expect(refused).toMatchObject({ feature: 'artifact.download()', entryPoint: 'wandb-rx/node' })
    expect(String((refused as Error).message)).toContain("'wandb-rx/node'")
    await expect(api.run(`${srv.entity}/web/a`).uploadFile('/etc/hostname')).rejects.toBeInstanceOf(
      web.NodeOnlyError,
    )
  })
})

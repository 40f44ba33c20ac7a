import { parseArgs } from 'node:util'
import { Api } from '../../src/index.js'
import { DEMO, startServer } from '../../server/src/index.js'

/** Where an example runs: an `Api`, the project to read, and how to clean up. */
export interface ExampleContext {
  readonly api: Api
  /** `entity/project` to read. */
  readonly project: string
  /** The local server's URL and key when running locally (for writers), else undefined. */
  readonly local: { readonly url: string; readonly apiKey: string; readonly entity: string } | undefined
  close(): Promise<void>
}

/**
 * Opens what an example reads. By default it starts the local W&B-compatible server with the
 * demo data (`seed: 'demo'`, in memory, random port) and uses `project` of it, so every example
 * runs offline. With `--remote` it reads real W&B instead (read-only): `WANDB_API_KEY` (and
 * `WANDB_BASE_URL` for a self-hosted server) from the environment, the project from
 * `--project entity/project`.
 *
 * @example
 * ```ts
 * const { api, project, close } = await openExample(DEMO.projects.mnist)
 * try { console.log(await api.runs(project).count()) } finally { await close() }
 * ```
 */
export async function openExample(project: string = DEMO.projects.mnist): Promise<ExampleContext> {
  const { values } = parseArgs({
    options: { remote: { type: 'boolean' }, project: { type: 'string' } },
    strict: false,
  })
  if (values['remote']) {
    if (!process.env['WANDB_API_KEY'] || typeof values['project'] !== 'string') {
      console.error('--remote needs WANDB_API_KEY in the environment and --project entity/project')
      process.exit(2)
    }
    return { api: new Api(), project: values['project'], local: undefined, close: async () => undefined }
  }
  const server = await startServer({ port: 0, seed: 'demo' })
  return {
    api: new Api({ baseUrl: server.url, apiKey: server.apiKey }),
    project: `${server.entity}/${project}`,
    local: server,
    close: () => server.close(),
  }
}

/**
 * The local server in a child process for benchmarks, so its SQLite work does not share the
 * client's event loop, with fault plans sent over stdin, and a seeder for one long history run.
 *
 *   const server = await startBenchServer()
 *   await seedHistory(server, { project: 'bench', run: 'big', rows: 1_000_000 })
 *   await server.setFaults({ operations: ['RunHistory'], latencyMs: 20 })
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface BenchServer {
  readonly url: string
  readonly apiKey: string
  readonly entity: string
  /** Replaces the server's fault plan (`null`: none); resolves once it is in force. */
  setFaults(plan: unknown): Promise<void>
  close(): void
}

const CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url))

export async function startBenchServer(): Promise<BenchServer> {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]()
  const next = async () => {
    const line = await lines.next()
    if (line.done) throw new Error('bench server exited')
    return line.value
  }
  const target = JSON.parse(await next()) as { url: string; apiKey: string; entity: string }
  return {
    ...target,
    async setFaults(plan) {
      proc.stdin!.write(`${JSON.stringify(plan)}\n`)
      await next()
    },
    close: () => void proc.stdin!.end(),
  }
}

export const METRIC_KEYS = Array.from({ length: 10 }, (_, i) => `metric_${i}`)

/** A POST of a JSON body with the server's key, as a writer sends it; throws on HTTP errors. */
export function benchPost(target: Pick<BenchServer, 'apiKey'>) {
  const auth = { authorization: `Basic ${btoa(`api:${target.apiKey}`)}`, 'content-type': 'application/json' }
  return async (url: string, body: unknown): Promise<void> => {
    const init = { method: 'POST', headers: auth, body: JSON.stringify(body) }
    // Building a chunk can outlast the server's 5 s keep-alive on a busy machine; the reused
    // socket is then closed under the request (EPIPE) before anything was processed: send again.
    const res = await fetch(url, init).catch(() => fetch(url, init))
    if (!res.ok) throw new Error(`${url} ${res.status}: ${await res.text()}`)
    await res.arrayBuffer()
  }
}

/** Logs `rows` history rows (`_step`, `_runtime`, `_timestamp` and 10 metrics) through file_stream. */
export async function seedHistory(
  target: Pick<BenchServer, 'url' | 'apiKey' | 'entity'>,
  run: { project: string; name: string; rows: number },
): Promise<number> {
  const post = benchPost(target)
  const stream = `${target.url}/files/${target.entity}/${run.project}/${run.name}/file_stream`
  await post(`${target.url}/graphql`, {
    query: `mutation { upsertBucket(input: { modelName: "${run.project}", entityName: "${target.entity}", name: "${run.name}", state: "running" }) { bucket { id } } }`,
  })
  const chunk = 20_000
  const t0 = performance.now()
  for (let offset = 0; offset < run.rows; offset += chunk) {
    const content: string[] = []
    for (let step = offset; step < Math.min(run.rows, offset + chunk); step++) {
      const row: Record<string, number> = {
        _step: step,
        _runtime: step * 0.01,
        _timestamp: 1.7e9 + step * 0.01,
      }
      METRIC_KEYS.forEach((key, k) => (row[key] = Math.sin(step * (k + 1) * 1e-3) * 10 + k))
      content.push(JSON.stringify(row))
    }
    await post(stream, { files: { 'wandb-history.jsonl': { offset, content } } })
  }
  await post(stream, { complete: true, exitcode: 0 })
  return (performance.now() - t0) / 1000
}

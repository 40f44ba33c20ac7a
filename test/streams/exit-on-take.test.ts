import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer } from '../../server/src/index.js'

type Server = Awaited<ReturnType<typeof startServer>>
let srv: Server

beforeAll(async () => {
  srv = await startServer({ port: 0 })
  const runs = Array.from({ length: 500 }, (_, i) => ({ name: `run${String(i).padStart(3, '0')}` }))
  srv.bulkInsertRuns(srv.entity, 'huge', runs)
  // Slow pages, so the prefetch of page 2 is still in flight when take(3) completes.
  srv.setFaults({ operations: ['Runs'], latencyMs: 300 })
})
afterAll(() => srv.close())

it('a script that takes 3 runs from a 500-run project exits by itself', async () => {
  const script = fileURLToPath(new URL('./fixtures/take-three-runs.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, srv.url, srv.apiKey, srv.entity], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  // No process.exit in the script: this resolves only if nothing keeps its event loop alive.
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  expect(err).toBe('')
  expect(code).toBe(0)
  expect(out.trim().split('\n')).toEqual(['run000', 'run001', 'run002', 'done after 2 requests'])
})

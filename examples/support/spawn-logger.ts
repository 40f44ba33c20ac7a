import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { TrainSpec } from './train-logger.js'

/** A logger process started by {@link spawnLogger}. */
export interface LoggerProcess {
  readonly spec: TrainSpec
  /** Resolves with the exit code once the process ends (the SDK has flushed by then). */
  readonly exited: Promise<number>
  kill(): void
}

const LOGGER = fileURLToPath(new URL('./train-logger.ts', import.meta.url))

/**
 * Starts `train-logger.ts` in a child process that logs one run with `@wandb/sdk` to `target`.
 * The child's output (the SDK prints "View run at …") is captured and shown only on failure.
 *
 * @example
 * ```ts
 * const logger = spawnLogger({ project: 'demo', id: 'r1', config: { lr: 0.1 }, steps: 100 }, server)
 * await logger.exited // 0
 * ```
 */
export function spawnLogger(
  spec: TrainSpec,
  target: { readonly url: string; readonly apiKey: string },
): LoggerProcess {
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), LOGGER, JSON.stringify(spec)],
    {
      env: { ...process.env, WANDB_BASE_URL: target.url, WANDB_API_KEY: target.apiKey, WANDB_SILENT: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => {
      const expected = spec.divergeAt === undefined ? 0 : 1
      if (code !== expected) process.stderr.write(`logger ${spec.id} exited with ${code}:\n${output}\n`)
      resolve(code ?? 1)
    })
  })
  return { spec, exited, kill: () => void child.kill('SIGKILL') }
}

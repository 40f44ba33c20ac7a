import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

/** What a finished CLI process left behind. */
export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Starts `wandb-rx` (from source, through tsx) as a child process. */
export function startCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: {
      ...process.env,
      WANDB_BASE_URL: '',
      WANDB_API_KEY: '',
      WANDB_ENTITY: '',
      WANDB_PROJECT: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Collects a child's output and exit code. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Runs `wandb-rx args…` to completion. */
export const runCliProcess = (
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> => finished(startCli(args, env))

import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))

export interface Cli {
  readonly child: ChildProcess
  readonly url: string
  /** Resolves when a stderr line matches. */
  logged(pattern: RegExp): Promise<string>
  readonly log: string[]
}

/**
 * Starts the server CLI as a child process (random port, info log on stderr, `args` added) and
 * resolves with its URL; the child is pushed to `children` so the caller can kill it.
 */
export function startCliProcess(children: ChildProcess[], args: readonly string[]): Promise<Cli> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--port', '0', '--log-level', 'info', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(child)
  const log: string[] = []
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = []
  let partial = ''
  child.stderr?.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      log.push(line)
      for (const w of waiters.filter((w) => w.pattern.test(line))) w.resolve(line)
    }
  })
  const logged = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = log.find((l) => pattern.test(l))
      if (seen) resolve(seen)
      else waiters.push({ pattern, resolve })
    })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) resolve({ child, url: line.trim(), logged, log })
    })
    child.once('exit', (code) => reject(new Error(`CLI exited (${code}): ${log.join('\n')}`)))
  })
}

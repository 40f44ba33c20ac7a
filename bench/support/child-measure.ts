import { spawn } from 'node:child_process'

/** Wall time (ms) and peak RSS (MB) of one child process, measured by GNU time. */
export function measureChild(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn('/usr/bin/time', ['-f', '%M', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - t0
      const kb = Number(stderr.trim().split('\n').at(-1))
      if (code !== 0 || !Number.isFinite(kb))
        reject(new Error(`${args.join(' ')} failed (${code}): ${stderr}`))
      else resolve({ ms, peakMb: kb / 1024 })
    })
  })
}

/** The fastest of `n` interleaved runs of each command (wall ms), so machine load hits all alike. */
export async function fastestOf(
  n: number,
  commands: Record<string, readonly string[]>,
): Promise<Record<string, number>> {
  const best: Record<string, number> = {}
  for (let i = 0; i < n; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const { ms } = await measureChild(args)
      best[name] = Math.min(best[name] ?? Infinity, ms)
    }
  }
  return best
}

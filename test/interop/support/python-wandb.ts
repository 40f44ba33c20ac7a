import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The official W&B Python client (wandb 0.30) as a test client. Enabled when `WANDB_RX_PYTHON`
 * names a python that imports `wandb` (`.ci/run` sets it from `../shared/tools/python-wandb.sh`);
 * suites use `describe.runIf(python)` and print {@link skipReason} otherwise.
 */
export const python: string | undefined = process.env.WANDB_RX_PYTHON || undefined

export const skipReason =
  'interop suite skipped: WANDB_RX_PYTHON is not set (run ../shared/tools/python-wandb.sh and export its output)'

export interface PythonResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** The JSON value the script printed on a line starting with `RESULT ` (last one wins). */
  readonly result: unknown
}

export interface PythonTarget {
  readonly url: string
  readonly apiKey: string
}

/**
 * Runs `script` with the official client pointed at `target`, in private temp dirs (nothing is
 * written under `$HOME`). The script reports what it read by printing `RESULT <json>`.
 *
 * @example
 * const { result } = await runPython(srv, 'import wandb, json\nprint("RESULT", json.dumps(wandb.Api().viewer.username))')
 */
export async function runPython(
  target: PythonTarget,
  script: string,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<PythonResult> {
  if (python === undefined) throw new Error(skipReason)
  const home = mkdtempSync(join(tmpdir(), 'wandb-rx-py-'))
  const dirs = Object.fromEntries(
    ['WANDB_DIR', 'WANDB_CACHE_DIR', 'WANDB_CONFIG_DIR', 'WANDB_DATA_DIR', 'WANDB_ARTIFACT_DIR'].map((k) => [
      k,
      join(home, k.toLowerCase()),
    ]),
  )
  try {
    return await new Promise<PythonResult>((resolve, reject) => {
      const child = spawn(python!, ['-c', script], {
        cwd: home,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          WANDB_BASE_URL: target.url,
          WANDB_API_KEY: target.apiKey,
          WANDB_SILENT: 'true',
          WANDB_CONSOLE: 'off',
          WANDB_DISABLE_GIT: 'true',
          WANDB_DISABLE_CODE: 'true',
          WANDB_X_DISABLE_MACHINE_INFO: 'true',
          PYTHONUNBUFFERED: '1',
          ...dirs,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      child.on('error', reject)
      child.on('close', (code) => {
        clearTimeout(timer)
        const line = stdout
          .split('\n')
          .filter((l) => l.startsWith('RESULT '))
          .at(-1)
        resolve({ code, stdout, stderr, result: line === undefined ? undefined : JSON.parse(line.slice(7)) })
      })
    })
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}

/**
 * Python helpers for scripts: `out(value)` prints `RESULT <json>` with non-finite floats as the
 * strings "NaN" / "Infinity" / "-Infinity" (what {@link strictValues} makes of wandb-rx values).
 */
export const PRELUDE = `import json, math, os, sys, time
import wandb
def clean(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if v != v else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    return v
def out(v):
    print("RESULT", json.dumps(clean(v)))
def error(f):
    try:
        f()
        return None
    except Exception as e:
        return [type(e).__name__, str(e)]
`

/** A copy of `value` with non-finite numbers as the strings Python's `clean` writes. */
export function strictValues(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'
  }
  if (Array.isArray(value)) return value.map(strictValues)
  if (value instanceof Date || typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictValues(v)]))
}

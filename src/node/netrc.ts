import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** One `machine` entry of a `.netrc` file. */
export interface NetrcEntry {
  readonly machine: string | null // null for `default`
  readonly login?: string
  readonly password?: string
}

/**
 * Parses `.netrc` text: `machine`/`default` entries with `login`/`password`; `macdef` bodies
 * (up to a blank line) and unknown tokens are skipped.
 *
 * @example
 * ```ts
 * parseNetrc('machine api.wandb.ai login user password abc') // [{ machine: 'api.wandb.ai', login: 'user', password: 'abc' }]
 * ```
 */
export function parseNetrc(text: string): NetrcEntry[] {
  const withoutMacros = text.replace(/(^|\s)macdef\s[\s\S]*?(\n\s*\n|$)/g, '$1')
  const tokens = withoutMacros.split(/\s+/).filter(Boolean)
  const entries: NetrcEntry[] = []
  let current: { machine: string | null; login?: string; password?: string } | undefined
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token === 'machine' || token === 'default') {
      if (current) entries.push(current)
      current = { machine: token === 'default' ? null : (tokens[++i] ?? '') }
    } else if (current && (token === 'login' || token === 'password' || token === 'account')) {
      const value = tokens[++i]
      if (value !== undefined && token !== 'account') current[token] = value
    }
  }
  if (current) entries.push(current)
  return entries
}

/**
 * The password (the W&B API key) for `machine` (the base URL's host[:port]) in `$NETRC`, else
 * `~/.netrc`, else `~/_netrc`. A missing or unreadable file gives `undefined`.
 *
 * @example
 * ```ts
 * await netrcPassword('api.wandb.ai') // the key `wandb login` stored, or undefined
 * ```
 */
export async function netrcPassword(
  machine: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const home = env['HOME'] || homedir()
  const candidates = env['NETRC'] ? [env['NETRC']] : [join(home, '.netrc'), join(home, '_netrc')]
  for (const path of candidates) {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch {
      continue
    }
    const entries = parseNetrc(text)
    const match = entries.find((e) => e.machine === machine) ?? entries.find((e) => e.machine === null)
    return match?.password
  }
  return undefined
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' }

/**
 * Whether `url` lies under `baseUrl` (same scheme, host and port, and a path at or below the base
 * path), the only URLs the API key may be sent to. Signed storage URLs on other hosts never get it.
 *
 * @example
 * ```ts
 * isUnderBaseUrl('https://api.wandb.ai/files/e/p/r/x', 'https://api.wandb.ai') // true
 * isUnderBaseUrl('https://storage.googleapis.com/x', 'https://api.wandb.ai')  // false
 * isUnderBaseUrl('https://host/wandbx/graphql', 'https://host/wandb')          // false
 * ```
 */
export function isUnderBaseUrl(url: string | URL, baseUrl: string | URL): boolean {
  let target: URL
  let base: URL
  try {
    target = new URL(url)
    base = new URL(baseUrl)
  } catch {
    return false
  }
  const port = (u: URL) => u.port || DEFAULT_PORTS[u.protocol] || ''
  if (target.protocol !== base.protocol || target.hostname !== base.hostname || port(target) !== port(base)) {
    return false
  }
  const basePath = base.pathname.replace(/\/+$/, '')
  return basePath === '' || target.pathname === basePath || target.pathname.startsWith(`${basePath}/`)
}

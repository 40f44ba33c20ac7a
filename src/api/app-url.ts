/**
 * The W&B app (UI) URL for an API base URL, as the Python SDK derives it (PROTOCOL.md §1):
 * `api.wandb.ai` → `wandb.ai`, `api.wandb.test` → `app.wandb.test`, other `api.X` → `app.X`,
 * anything else unchanged (self-hosted). `WANDB_APP_URL` overrides all of these.
 *
 * @example
 * ```ts
 * appUrlFor('https://api.wandb.ai') // 'https://wandb.ai'
 * appUrlFor('http://127.0.0.1:8080') // 'http://127.0.0.1:8080'
 * ```
 */
export function appUrlFor(baseUrl: string, override?: string): string {
  if (override) return override.replace(/\/+$/, '')
  if (baseUrl.includes('://api.wandb.test')) return baseUrl.replace('://api.wandb.test', '://app.wandb.test')
  if (/:\/\/api\.wandb\.[a-z]+(?=[:/]|$)/.test(baseUrl)) return baseUrl.replace('://api.', '://')
  if (baseUrl.includes('://api.')) return baseUrl.replace('://api.', '://app.')
  return baseUrl
}

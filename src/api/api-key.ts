import { platform } from '#platform'
import { readEnv } from '../internal/environment.js'

/**
 * Finds the API key: the option, else `WANDB_API_KEY`, else (Node only) `.netrc` for the base
 * URL's host[:port]. The `.netrc` lookup comes from `#platform`, which is empty in browsers.
 */
export async function findApiKey(option: string | undefined, baseUrl: string): Promise<string | undefined> {
  if (option) return option
  const fromEnv = readEnv('WANDB_API_KEY')
  if (fromEnv) return fromEnv
  return platform.netrcPassword(new URL(baseUrl).host)
}
